import {itemKey, makeItem, type Item, type ItemSet} from '../core/item.js';
import {adoptSecrets, fillSecrets, overlayFieldsOf, renderItem, reverseForDump, setAt, stripOverlay, valueAt, withHotfixes, type Overlay, type OverlaySet} from '../core/overlay.js';
import {cloneJson} from '../core/json.js';
import {parsePath, type Segment} from '../core/paths.js';
import type {Comparison} from '../core/status.js';
import {secretPaths} from '../core/secrets.js';
import {overlayTextWith} from '../sources/overlay/update.js';
import type {Plan, PlanStep} from '../core/plan.js';
import {resolveOverlaySecrets, type ResolvedOverlaySecrets} from '../sources/overlay/secrets.js';
import type {EngineContext} from './context.js';
import {isGitRepository, readGitSide, type GitSide} from './git-side.js';
import type {GitConfig} from '../config/types.js';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {readAtRevision} from '../sources/git/history.js';
import {normalizeDir} from '../sources/layout/file-store.js';
import {overlayFile} from '../sources/overlay/read.js';

/**
 * What an environment's overlay gave the Git side of a view: per comparison key, the fields whose value came from it
 * (the diff marks them, the plan lists them), and what a migration could not take off (plan notes).
 */
export interface ViewOverlay {
	readonly environment: string;
	readonly fields: Readonly<Record<string, readonly string[]>>;
	readonly notes?: readonly string[];
	/** The secret fields per key: after a write they take the target's new value, so a view stays clean without a reload. */
	readonly secrets?: Readonly<Record<string, readonly string[]>>;
	/** The commands the overlay runs for secrets, per key (as written): a plan that writes those items names them. */
	readonly commands?: Readonly<Record<string, readonly string[]>>;
}

/** Plan steps with the overlay fields of the items they write (`overlay` on a step, for the plan and dry-run JSON). */
export function withStepOverlays(steps: readonly PlanStep[], view: {readonly overlay?: ViewOverlay}): PlanStep[] {
	return steps.map((step) => {
		const fields = step.action === 'delete' ? undefined : overlayFieldsOf(view, step.key);
		return fields ? {...step, overlay: {environment: view.overlay!.environment, fields}} : step;
	});
}

/** Secret fields take live's value on the Git side (they are only known when writing, so they are never compared). */
export function adoptLiveSecrets(set: ItemSet, live: ItemSet, overlay: Overlay | undefined): ItemSet {
	if (!overlay || overlay.secrets.size === 0) return set;
	const byKey = new Map(live.items.map((item) => [itemKey(item), item]));
	return {...set, items: set.items.map((item) => adoptSecrets(item, byKey.get(itemKey(item)), overlay))};
}

/** The view's record of an overlay's fields (only for items it touched). */
export function viewOverlay(environment: string, fields: ReadonlyMap<string, readonly string[]> | undefined, notes: readonly string[] = [], overlay?: Overlay): ViewOverlay {
	const secrets = overlay && overlay.secrets.size > 0 ? {secrets: Object.fromEntries([...overlay.secrets].map(([key, list]) => [key, list.map((field) => field.text)]))} : {};
	const commands = [...overlay?.secrets ?? []].flatMap(([key, list]) => {
		const texts = [...new Set(list.flatMap((field) => (field.source.type === 'command' ? [field.source.text] : [])))];
		return texts.length > 0 ? [[key, texts] as const] : [];
	});
	return {
		environment, fields: Object.fromEntries(fields ?? []), ...(notes.length > 0 ? {notes} : {}), ...secrets,
		...(commands.length > 0 ? {commands: Object.fromEntries(commands)} : {}),
	};
}

/**
 * The plan's word on the programs an overlay runs to get secrets for the items it writes: they come from Git and run
 * on this machine when writing, so the reviewer sees them before `y` (never their output).
 */
export function secretCommandNotes(steps: readonly PlanStep[], view: {readonly overlay?: ViewOverlay}): string[] {
	const commands = view.overlay?.commands;
	if (!commands) return [];
	const run = new Set(steps.flatMap((step) => (step.action === 'create' || step.action === 'update' ? commands[step.key] ?? [] : [])));
	return run.size === 0 ? [] : [`overlay ${view.overlay!.environment} runs ${[...run].map((text) => JSON.stringify(text)).join(', ')} (without a shell) to get secrets when writing`];
}

/**
 * A view whose target side is about to take the items an apply wrote: the source side's secret fields take the new
 * values first (they are not compared, and the write may have set them), so a publish leaves its rows clean.
 */
export function adoptWrittenSecrets<V extends {readonly overlay?: ViewOverlay; readonly comparisons: readonly Comparison[]}>(view: V, written: ReadonlyMap<string, Item | undefined>): V {
	const secrets = view.overlay?.secrets;
	if (!secrets) return view;
	const comparisons = view.comparisons.map((row) => {
		const paths = secrets[row.key];
		const target = written.get(row.key);
		if (!paths || !row.left || !target) return row;
		const body = cloneJson(row.left.body);
		for (const text of paths) {
			const value = valueAt(target.body, parsePath(text) as Segment[]);
			if (value !== undefined) setAt(body, parsePath(text) as Segment[], cloneJson(value));
		}
		return {...row, left: makeItem(row.left.kind, body, row.left.file)};
	});
	return {...view, comparisons};
}

/**
 * A migration's source: live items of environment `from` with `from`'s overlay taken off (against the Git base) and
 * `to`'s applied, so staging's hosts, rates and credentials never reach prod. A field `from`'s overlay sets for an
 * item Git lacks cannot be taken back to a base value: a note says so, and the item goes as live `from` holds it.
 */
export function migrationSet(live: ItemSet, git: Pick<GitSide, 'set' | 'base' | 'overlays'>, from: string, to: string): {set: ItemSet; overlay?: ViewOverlay} {
	const source = git.overlays?.get(from);
	const target = git.overlays?.get(to);
	if (!source && !target) return {set: live};
	const base = new Map((git.base ?? git.set).items.map((item) => [itemKey(item), item]));
	const fields = new Map<string, readonly string[]>();
	const notes: string[] = [];
	const items = live.items.map((item): Item => {
		const key = itemKey(item);
		const inGit = base.get(key);
		let out = item;
		if (source) {
			const governed = [...source.set.get(key) ?? [], ...source.secrets.get(key) ?? []];
			if (!inGit && governed.length > 0) {
				notes.push(`${item.kind} ${item.id} (${item.name}): Git has no base value for ${governed.map((field) => field.text).join(', ')}, which ${from}'s overlay sets; migrated as live ${from} holds them`);
			} else out = stripOverlay(item, inGit, source);
		}
		if (target) {
			const rendered = renderItem(out, target);
			if (rendered.fields.length > 0) fields.set(key, rendered.fields);
			out = rendered.item;
		}
		return out;
	});
	return {set: {...live, items}, overlay: viewOverlay(to, fields, notes, target)};
}

/** The Git side a migration into `to` needs (its base and both overlays); a layout that cannot be read means none. */
export async function migrationGit(context: EngineContext, to: string, from: string, ref?: string): Promise<GitSide | undefined> {
	const git = context.environment(to).git;
	try {
		// Most repositories have no overlay: two file reads spare them a read of the whole layout per comparison.
		if (!(await anyOverlay(git, ref, [to, from]))) return undefined;
		return await readGitSide(git, ref, {overlays: [to, from]});
	} catch (error) {
		// Without a layout there is no overlay to apply; a broken overlay is the migration's error.
		if (error instanceof Error && error.name === 'OverlayError') throw error;
		return undefined;
	}
}

/**
 * The secret values a publish or migration writes, obtained right before the writes (never while planning, never
 * stored): from the target environment's overlay at the plan's source commit (the branch for a migration), for the
 * steps that write an item the overlay touches. Undefined when there is nothing to obtain.
 */
export async function planSecrets(context: EngineContext, plan: Plan, options: {envOnly?: boolean} = {}): Promise<ResolvedOverlaySecrets | undefined> {
	if (plan.direction !== 'publish' && plan.direction !== 'migrate') return undefined;
	const keys = plan.steps.filter((step) => step.overlay && (step.action === 'create' || step.action === 'update')).map((step) => step.key);
	if (keys.length === 0) return undefined;
	const git = context.environment(plan.environment).git;
	const ref = plan.direction === 'publish' ? plan.base?.commit ?? undefined : undefined;
	const side = await readGitSide(git, ref, {overlays: [plan.environment]});
	const overlay = side.overlays?.get(plan.environment);
	if (!overlay || overlay.secrets.size === 0) return undefined;
	return resolveOverlaySecrets(overlay, {keys, cwd: git.repo, ...options});
}

/** A step with its secret values put in for the write (and the read-back check), or why it cannot be written. */
export function withSecrets(step: PlanStep, secrets: ResolvedOverlaySecrets | undefined): {step: PlanStep} | {error: string} {
	if (!secrets || !step.after || step.action === 'delete') return {step};
	const problems = secrets.problems.filter((problem) => problem.key === step.key);
	if (problems.length > 0) return {error: `not written: ${problems.map((problem) => `${problem.path}: ${problem.reason}`).join('; ')}`};
	const values = secrets.values.get(step.key);
	if (!values) return {step};
	const after = makeItem(step.kind, fillSecrets(step.after.body, values), step.after.file);
	return {step: {...step, after}};
}

/** What a dump writes to Git once the environment's overlay is taken off its live items. */
export interface DumpWrite {
	/** The items for the layout (base values; secrets of the overlay left out). */
	readonly items: readonly Item[];
	/** The overlay file (relative to the layout directory) with the hotfixes, when there are any. */
	readonly overlayFile?: {readonly path: string; readonly text: string};
	/** The overlay after the hotfixes, to render what the dump wrote. */
	readonly overlay?: Overlay;
	/** What the dump tells: hotfixes into the overlay, secret fields kept out of Git. */
	readonly notes: readonly string[];
	/** Secret fields (the masking rules) the items carry in plain text, by item and path, never the value. */
	readonly secretsInGit: readonly string[];
}

const label = (item: Item): string => `${item.kind} ${item.name || item.id} (${item.id})`;

/**
 * Live items as a dump of `environment` writes them to Git: its overlay taken off (`reverseForDump`), so prod's values
 * never move into the base; fields it sets whose live value differs go into its overlay file, in the same commit.
 */
export function dumpWrite(environment: string, items: readonly Item[], git: Pick<GitSide, 'set' | 'base' | 'overlays'>): DumpWrite {
	const overlay = git.overlays?.get(environment);
	const base = new Map((git.base ?? git.set).items.map((item) => [itemKey(item), item]));
	const notes: string[] = [];
	const hotfixes = new Map<string, OverlaySet[]>();
	const written = items.map((live) => {
		if (!overlay) return live;
		const reversal = reverseForDump(live, base.get(itemKey(live)), overlay);
		if (reversal.hotfixes.length > 0) {
			hotfixes.set(itemKey(live), [...reversal.hotfixes]);
			notes.push(`${label(live)}: live differs from overlay ${environment} at ${reversal.hotfixes.map((field) => field.text).join(', ')}: the new value goes into ${overlay.file}, the base keeps its own`);
		}
		if (reversal.secrets.length > 0) {
			const kept = base.has(itemKey(live)) ? 'Git keeps its value' : 'left out of the new file';
			notes.push(`${label(live)}: secret ${reversal.secrets.join(', ')} from overlay ${environment} is never written to Git (${kept})`);
		}
		return reversal.item;
	});
	const secretsInGit = written.flatMap((item) => secretPaths(item.body).map((path) => `${label(item)}: ${path}`));
	const file = overlay && hotfixes.size > 0 ? {path: `.tyk-console/overlays/${environment}.yaml`, text: overlayTextWith(overlay.text, hotfixes)} : undefined;
	return {
		items: written, notes, secretsInGit,
		...(file ? {overlayFile: file} : {}),
		...(overlay ? {overlay: withHotfixes(overlay, hotfixes)} : {}),
	};
}

/**
 * What a dump plan tells before anything is written: the hotfixes that go into the environment's overlay, the overlay
 * secrets kept out of Git, and (config `secretsInGit`, default `warn`) every secret field it writes to Git in plain
 * text, by path, never the value. With `refuse` such a dump is refused with that list, and nothing is written.
 */
export async function dumpNotes(context: EngineContext, plan: Plan, view: {readonly overlay?: ViewOverlay}): Promise<string[]> {
	const items = plan.steps.flatMap((step) => (step.after && (step.action === 'create' || step.action === 'update') ? [step.after] : []));
	if (items.length === 0) return [];
	const git = context.environment(plan.environment).git;
	const side = view.overlay && plan.base?.commit
		? await readGitSide(git, plan.base.commit, {allowMissingBranch: true, overlays: [plan.environment]})
		: {set: {items: [], invalid: [], conflicts: []}};
	const {notes, secretsInGit} = dumpWrite(plan.environment, items, side);
	const setting = context.config.secretsInGit ?? 'warn';
	if (setting === 'refuse' && secretsInGit.length > 0) {
		throw new Error(`dump refused (secretsInGit: refuse): ${secretsInGit.length} secret field(s) would be written to Git in plain text; nothing was written:\n${secretsInGit.map((entry) => `  ${entry}`).join('\n')}\nkeep them out with a secrets: entry in .tyk-console/overlays/${plan.environment}.yaml, or set secretsInGit: warn`);
	}
	// One note (one line on the Plan screen, however many there are), listing every field.
	const listed = setting === 'warn' && secretsInGit.length > 0
		? [`${secretsInGit.length} secret field(s) written to Git in plain text (secretsInGit: warn; a secrets: entry in the environment's overlay keeps one out): ${secretsInGit.join('; ')}`]
		: [];
	return [...notes, ...listed];
}

/** Whether any of these environments has an overlay file at `ref` (the branch when absent), or in a plain directory. */
async function anyOverlay(git: GitConfig, ref: string | undefined, environments: readonly string[]): Promise<boolean> {
	const files = environments.map((environment) => overlayFile(normalizeDir(git.dir), environment));
	if (!(await isGitRepository(git.repo))) return files.some((file) => existsSync(join(git.repo, file)));
	for (const file of files) {
		if (await readAtRevision(git.repo, ref ?? git.branch, file)) return true;
	}
	return false;
}
