import {Option, type Command} from 'commander';

/** How `diff` and `publish --dry-run` print: words on a terminal (default), a PR comment, or an HTML page. */
export type ReviewFormat = 'text' | 'markdown' | 'html';
export const reviewFormats: readonly ReviewFormat[] = ['text', 'markdown', 'html'];

/** Adds `--format text|markdown|html`. */
export function withReviewFormat(command: Command): Command {
	return command.addOption(new Option('--format <format>', 'text (default), markdown (a pull-request comment) or html (one page; needs --out FILE)').choices([...reviewFormats]));
}

/** What the format flags of one command say. */
export interface FormatFlags {
	readonly format?: ReviewFormat;
	readonly json?: boolean;
	readonly out?: string;
	readonly dryRun?: boolean;
}

/**
 * Why the format flags cannot work together, as one sentence for a usage error; undefined when they can. For a plan,
 * `--format` reviews it (`--dry-run`), and there `--out` is the page, not a saved plan.
 */
export function formatFlagsError(flags: FormatFlags, command: 'diff' | 'plan'): string | undefined {
	const format = flags.format ?? 'text';
	if (format !== 'text' && flags.json) return `--format ${format} and --json are two outputs: choose one`;
	if (format === 'html' && !flags.out) return '--format html writes a page: name its file with --out FILE';
	if (command === 'plan' && format !== 'text' && !flags.dryRun) return `--format ${format} prints the plan for review: add --dry-run (nothing is written)`;
	if (command === 'diff' && flags.out && format !== 'html' && format !== 'markdown') return '--out FILE writes a review: add --format html (or markdown)';
	return undefined;
}
