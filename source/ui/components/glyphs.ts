/** Status glyphs are defined once, in core, and shared with the CLI; components import them from here. */
export {statusGlyphs} from '../../core/status.js';
