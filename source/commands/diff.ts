import {Command, Option} from 'commander';
import {createTwoFilesPatch} from 'diff';
import {blameText} from '../core/blame.js';
import {comparisonDetail} from '../core/compare.js';
import {statuses, type Comparison, type Status} from '../core/status.js';
import type {Engine} from '../engine/engine.js';
import type {EnvironmentView} from '../engine/services.js';
import {exitCodes, runCommand, selectionOf} from './context.js';
import {selectsAll} from '../core/selection.js';
import {withCommonOptions, withSelection, type CommonOptions, type SelectionOptions} from './options.js';
import type {Output, Paint} from './output.js';
import {formatFlagsError, withReviewFormat, type ReviewFormat} from './review-flags.js';
import {glyph, originLine, originTag, statusLabel, summaryLine} from './format.js';
import {countOrigins} from '../core/origin.js';
import {overlayFieldsOf} from '../core/overlay.js';

interface DiffOptions extends CommonOptions, SelectionOptions {
	readonly ref?: string;
	readonly against?: string;
	readonly full?: boolean;
	readonly status?: Status[];
	readonly format?: ReviewFormat;
	readonly out?: string;
}

/** Whether a row is shown: the status filter (default: everything but unchanged). */
function shown(comparison: Comparison, options: DiffOptions): boolean {
	return options.status?.length ? options.status.includes(comparison.status) : comparison.status !== 'unchanged';
}


/** An entry's error with its file in front (product.md §5), so the message alone says where to look. */
function errorWithFile(comparison: Comparison): string | undefined {
	const file = comparison.file ?? comparison.left?.file;
	if (!comparison.error || !file || comparison.error.includes(file)) return comparison.error;
	return `${file}: ${comparison.error}`;
}


function jsonItem(comparison: Comparison): Record<string, unknown> {
	return {
		kind: comparison.kind, flavor: comparison.flavor, id: comparison.id, name: comparison.name, status: comparison.status,
		file: comparison.file ?? comparison.left?.file,
		changes: comparison.status === 'changed' ? comparison.changes : undefined,
		origin: comparison.origin,
		error: errorWithFile(comparison),
	};
}

function jsonSource(engine: Engine, view: EnvironmentView, options: DiffOptions): Record<string, unknown> {
	if (options.against) return {type: 'live', environment: options.against};
	const git = engine.environment(view.name).git;
	return {type: view.left.type, repo: git.repo, ref: options.ref ?? git.branch, commit: view.fullCommit, dir: git.dir};
}

function printFull(output: Output, comparison: Comparison, view: EnvironmentView, engine: Engine): void {
	const compared = comparisonDetail(comparison, engine.compareOptions());
	const patch = createTwoFilesPatch(view.left.label, view.right.label, compared.leftText ?? '', compared.rightText ?? '', '', '', {context: 3});
	for (const line of patch.split('\n').slice(1)) {
		if (line.startsWith('+')) output.out(output.paint.green(line));
		else if (line.startsWith('-')) output.out(output.paint.red(line));
		else if (line.startsWith('@@')) output.out(output.paint.cyan(line));
		else output.out(line);
	}
	// A rotated secret of the same length masks to the same text on both sides, so the patch alone would not show it.
	for (const path of comparison.changes.filter((changed) => compared.masked.includes(changed))) {
		output.out(output.paint.yellow(`~ ${path}: secret changed (value masked)`));
	}
}

/** How many fields of how many items the environment's overlay gave (`3 fields from overlay prod`), for the summary. */
function overlaySummary(view: EnvironmentView): {environment: string; items: number; fields: number} | undefined {
	if (!view.overlay) return undefined;
	const lists = Object.values(view.overlay.fields);
	return {environment: view.overlay.environment, items: lists.length, fields: lists.reduce((sum, fields) => sum + fields.length, 0)};
}

function printText(output: Output, engine: Engine, view: EnvironmentView, rows: readonly Comparison[], options: DiffOptions): void {
	const paint: Paint = output.paint;
	output.out(`${paint.bold(view.name)}: ${view.left.label} → ${view.right.label}`);
	output.out(`  ${summaryLine(view.drift)}`);
	const overlay = overlaySummary(view);
	if (overlay) output.out(`  ${paint.cyan(`${overlay.fields} field(s) from overlay ${overlay.environment}`)} ${paint.gray(`(${overlay.items} item(s))`)}`);
	if (options.against === undefined) output.out(`  ${originLine(countOrigins(view.comparisons))}`);
	for (const note of view.notes ?? []) output.out(`  ${paint.gray(`note: ${note}`)}`);
	if (rows.length === 0) return;
	output.out('');
	for (const row of rows) {
		const what = row.kind ? `${row.kind}${row.flavor ? ` ${row.flavor}` : ''}` : 'file';
		const name = row.id ? `${row.name || row.id} (${row.id})` : row.name;
		const tail = row.status === 'changed' ? `${row.changes.length} field(s) changed` : statusLabel(row.status);
		const origin = row.origin ? `  origin ${originTag(row.origin, paint)}` : '';
		output.out(`${glyph(row.status, paint)} ${what.padEnd(12)} ${name}  ${paint.gray(tail)}${origin}`);
		const error = errorWithFile(row);
		if (error) output.out(`    ${paint.red(error)}`);
		const blame = view.blame?.[row.key];
		if (blame) output.out(`    ${paint.gray(blameText(blame))}`);
		const governed = overlayFieldsOf(view, row.key);
		if (governed) output.out(`    ${paint.cyan(`${governed.length} field(s) from overlay ${view.overlay!.environment}`)}`);
		if (row.status === 'changed') {
			if (options.full) printFull(output, row, view, engine);
			else for (const change of row.changes) output.out(`    ${change}${governed?.includes(change) ? paint.cyan(`  (overlay ${view.overlay!.environment})`) : ''}`);
		}
	}
}

/** Exit code for a finished diff: errors first (not everything could be read), then drift. */
export function diffExitCode(view: EnvironmentView): number {
	if (view.reachability !== 'ok' || view.gitError) return exitCodes.error;
	if (view.drift.invalid > 0 || view.drift.conflict > 0) return exitCodes.error;
	return view.drift.total > view.drift.unchanged ? exitCodes.drift : exitCodes.ok;
}

async function diff(environment: string, options: DiffOptions, command: Command): Promise<void> {
	const usage = formatFlagsError(options, 'diff');
	if (usage) command.error(`error: ${usage}`);
	await runCommand(options, async (engine, output) => {
		// A selection reads only its items in full (the lists plus one request per selected Tyk OAS API); the summary
		// and exit code count only these. An unknown --id rejects here.
		const selection = selectionOf(options);
		const loaded = await engine.load(environment, {ref: options.ref, against: options.against, selection: selectsAll(selection) ? undefined : selection});
		// Who last changed each changed item live: the journal and, once, the Dashboard's audit log (planning never reads it).
		const view = await (await import('../engine/blame.js')).withBlame(engine.context, loaded);
		const rows = view.comparisons.filter((comparison) => shown(comparison, options));
		if (options.format === 'markdown' || options.format === 'html') {
			const {diffReview, emitReview} = await import('./review-output.js');
			await emitReview(output, diffReview(engine, view, rows, environment, options.against), options.format, options.out);
			return diffExitCode(view);
		}
		if (output.json) {
			output.data({
				environment, source: jsonSource(engine, view, options), target: {type: 'live', environment},
				summary: {
					total: view.drift.total, ...Object.fromEntries(statuses.map((s) => [s, view.drift[s]])),
					...(options.against === undefined ? {origins: countOrigins(view.comparisons)} : {}),
					...(view.overlay ? {overlay: overlaySummary(view)} : {}),
				},
				items: rows.map((row) => ({
					...jsonItem(row), ...(view.blame?.[row.key] ? {blame: view.blame[row.key]} : {}),
					...(overlayFieldsOf(view, row.key) ? {overlay: {environment: view.overlay!.environment, fields: overlayFieldsOf(view, row.key)}} : {}),
				})),
				...(view.notes ? {notes: view.notes} : {}),
				...(view.reason ? {error: view.reason} : {}),
				...(view.gitError ? {error: view.gitError} : {}),
			});
		} else {
			if (view.reason) output.log(`tyk-console: ${view.reason}`);
			if (view.gitError) output.log(`tyk-console: ${view.gitError}`);
			if (!view.reason && !view.gitError) printText(output, engine, view, rows, options);
		}
		return diffExitCode(view);
	});
}

/** `tyk-console diff ENV`: Git (or another environment) against live; exit 2 on drift, so CI can gate on it. */
export function registerDiff(program: Command): void {
	withReviewFormat(withSelection(withCommonOptions(program.command('diff'))))
		.argument('<environment>', 'environment to compare (its live Dashboard is the right side)')
		.description("compare the environment's Git source (or another environment) with its live Dashboard")
		.option('--ref <rev>', 'compare Git at this branch, tag or commit instead of the configured branch')
		.option('--against <env>', "compare with another environment's live state instead of Git")
		.option('--full', 'print unified diffs of changed items')
		.option('--out <file>', 'write the --format html page (or the markdown) to this file')
		.addOption(new Option('--status <status...>', 'only items with these statuses').choices([...statuses]))
		.action(diff);
}
