import {statusGlyphs as glyphs, type Status, type StatusCounts} from '../core/status.js';
import {origins, type Origin} from '../core/origin.js';
import type {Paint} from './output.js';

/** The status glyph the console also uses, coloured when colour is on. */
export function glyph(status: Status, paint: Paint): string {
	const text = glyphs[status];
	if (status === 'changed') return paint.yellow(text);
	if (status === 'only-in-git') return paint.green(text);
	if (status === 'only-live') return paint.cyan(text);
	if (status === 'invalid' || status === 'conflict') return paint.red(text);
	return paint.gray(text);
}

/** Words for a status in one-line output. */
export function statusLabel(status: Status): string {
	return {unchanged: 'unchanged', changed: 'changed', 'only-in-git': 'only in Git', 'only-live': 'only live', invalid: 'invalid', conflict: 'conflict'}[status];
}

/** `12 items: 8 unchanged, 2 changed, …` */
export function summaryLine(counts: StatusCounts): string {
	const parts = (['unchanged', 'changed', 'only-in-git', 'only-live', 'invalid', 'conflict'] as const).map((s) => `${counts[s]} ${statusLabel(s)}`);
	return `${counts.total} item(s): ${parts.join(', ')}`;
}

/** Who moved a differing item since its base, as one word: `git`, `live`, red `both` (a conflict), `unknown`. */
export function originTag(origin: Origin, paint: Paint): string {
	return origin === 'both' ? paint.red(origin) : origin === 'unknown' ? paint.gray(origin) : origin;
}

/** `origins: 2 git, 1 live, 1 both, 0 unknown` */
export function originLine(counts: Record<Origin, number>): string {
	return `origins: ${origins.map((origin) => `${counts[origin]} ${origin}`).join(', ')}`;
}
