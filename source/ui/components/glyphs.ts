import type {Status} from '../../core/status.js';

/** One-character status glyphs, readable without colour and stable for scripts that scrape the screen. */
export const statusGlyphs: Readonly<Record<Status, string>> = {
	unchanged: '=', changed: '~', 'only-in-git': '+', 'only-live': '-', invalid: '!', conflict: '‼',
};
