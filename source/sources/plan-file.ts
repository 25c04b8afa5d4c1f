import {randomBytes} from 'node:crypto';
import {chmod, open, readFile, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {normalizeDashboardUrl} from '../config/environment.js';
import {isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import {kinds, makeItem, type Item, type Kind} from '../core/item.js';
import type {Action, Direction, Plan, PlanStep, SideRef} from '../core/plan.js';

/** What `--out` writes and `tyk-console apply` reads: a plan with what it was made against. */
export interface SavedPlan {
	readonly created: string;
	readonly environment: string;
	/** The Dashboard URL the plan was made against: applying it to another Dashboard is refused. */
	readonly dashboard: string;
	readonly plan: Plan;
	/** Entries left out of the plan (unreadable files, conflicts), as the plan printed them. */
	readonly excluded: readonly {readonly file?: string; readonly status: string; readonly error?: string}[];
}

const format = 'tyk-console plan';
const version = 1;
const directions: readonly Direction[] = ['publish', 'migrate', 'rollback', 'undo'];
const actions: readonly Action[] = ['create', 'update', 'delete', 'skip'];
const sideTypes: readonly SideRef['type'][] = ['git', 'dir', 'live', 'snapshot'];

function itemJson(item: Item | undefined): JsonValue | undefined {
	return item ? {kind: item.kind, body: item.body, ...(item.file ? {file: item.file} : {})} : undefined;
}

/** The saved file's text; items keep only kind, body and file (everything else is derived again when read). */
export function savedPlanText(saved: SavedPlan): string {
	const steps = saved.plan.steps.map((step) => ({...step, before: itemJson(step.before), after: itemJson(step.after)}));
	return `${JSON.stringify({format, version, ...saved, plan: {...saved.plan, steps}}, null, 2)}\n`;
}

/**
 * Writes a saved plan readable by the user alone (0600: it holds whole definitions, secrets included), atomically, so a
 * half-written plan is never left where `apply` would find it.
 */
export async function writeSavedPlan(file: string, saved: SavedPlan): Promise<void> {
	const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	const handle = await open(temp, 'wx', 0o600);
	try {
		await handle.writeFile(savedPlanText(saved));
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await chmod(temp, 0o600);
		await rename(temp, file);
	} catch (error) {
		await rm(temp, {force: true});
		throw error;
	}
}

/** A saved plan that cannot be used; the message names the file and the field. */
export class SavedPlanError extends Error {
	constructor(file: string, problem: string) {
		super(`${file}: ${problem}`);
		this.name = 'SavedPlanError';
	}
}

function text(value: JsonValue | undefined, field: string, fail: (problem: string) => never): string {
	if (typeof value !== 'string' || value === '') fail(`"${field}" must be a non-empty string`);
	return value as string;
}

function side(value: JsonValue | undefined, field: string, fail: (problem: string) => never): SideRef {
	if (!isJsonObject(value) || !sideTypes.includes(value['type'] as SideRef['type']) || typeof value['label'] !== 'string') fail(`"${field}" must be a side ({type, label})`);
	const object = value as JsonObject;
	return {type: object['type'] as SideRef['type'], label: object['label'] as string, ...(typeof object['environment'] === 'string' ? {environment: object['environment']} : {})};
}

function item(value: JsonValue | undefined, field: string, fail: (problem: string) => never): Item | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isJsonObject(value) || !kinds.includes(value['kind'] as Kind) || !isJsonObject(value['body'])) fail(`"${field}" must be an item ({kind, body})`);
	const object = value as JsonObject;
	return makeItem(object['kind'] as Kind, object['body'] as JsonObject, typeof object['file'] === 'string' ? object['file'] : undefined);
}

function step(value: JsonValue, index: number, fail: (problem: string) => never): PlanStep {
	const field = `plan.steps[${index}]`;
	if (!isJsonObject(value)) fail(`"${field}" must be an object`);
	const raw = value as JsonObject;
	const action = raw['action'] as Action;
	if (!actions.includes(action)) fail(`"${field}.action" must be one of ${actions.join(', ')}`);
	const kind = raw['kind'] as Kind;
	if (!kinds.includes(kind)) fail(`"${field}.kind" must be one of ${kinds.join(', ')}`);
	const id = text(raw['id'], `${field}.id`, fail);
	const before = item(raw['before'], `${field}.before`, fail);
	const after = item(raw['after'], `${field}.after`, fail);
	if (action !== 'delete' && action !== 'skip' && !after) fail(`"${field}.after" is missing: a ${action} needs the new body`);
	const baseHash = raw['baseHash'];
	if (baseHash !== null && typeof baseHash !== 'string') fail(`"${field}.baseHash" must be the live hash the plan was made against (or null)`);
	// The item's own identity wins over what the step says: a hand-edited step cannot write one item under another's ID.
	const body = after ?? before;
	if (body && (body.kind !== kind || body.id !== id)) fail(`"${field}" says ${kind} ${JSON.stringify(id)} but its body is ${body.kind} ${JSON.stringify(body.id)}`);
	return {
		key: `${kind}:${id}`, kind, id, name: body?.name ?? (typeof raw['name'] === 'string' ? raw['name'] : ''), action,
		...(body?.flavor ? {flavor: body.flavor} : {}), ...(before ? {before} : {}), ...(after ? {after} : {}),
		changes: Array.isArray(raw['changes']) ? raw['changes'].filter((change): change is string => typeof change === 'string') : [],
		baseHash: baseHash as string | null,
	};
}

/** Reads and checks a saved plan; every problem names the file and the field. */
export async function readSavedPlan(file: string): Promise<SavedPlan> {
	const fail = (problem: string): never => {
		throw new SavedPlanError(file, problem);
	};
	let raw: JsonValue;
	try {
		raw = JSON.parse(await readFile(file, 'utf8')) as JsonValue;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return fail(code === 'ENOENT' ? 'no such file' : code ? `cannot be read (${code})` : `is not valid JSON (${(error as Error).message})`);
	}
	if (!isJsonObject(raw) || raw['format'] !== format) return fail(`is not a saved tyk-console plan (made by publish/rollback/undo --out)`);
	if (raw['version'] !== version) return fail(`is a plan of format version ${JSON.stringify(raw['version'])}; this tyk-console reads version ${version}`);
	const created = text(raw['created'], 'created', fail);
	if (Number.isNaN(Date.parse(created))) fail('"created" must be an ISO date');
	const plan = raw['plan'];
	if (!isJsonObject(plan)) return fail('"plan" must be an object');
	const direction = plan['direction'] as Direction;
	if (!directions.includes(direction)) fail(`"plan.direction" must be one of ${directions.join(', ')} (a dump is not saved: it lands on its Git commit or not at all)`);
	const environment = text(raw['environment'], 'environment', fail);
	if (plan['environment'] !== environment) fail('"plan.environment" differs from "environment"');
	if (!Array.isArray(plan['steps'])) fail('"plan.steps" must be an array');
	const steps = (plan['steps'] as JsonValue[]).map((value, index) => step(value, index, fail));
	const base = plan['base'];
	return {
		created, environment, dashboard: text(raw['dashboard'], 'dashboard', fail),
		plan: {
			direction, environment, source: side(plan['source'], 'plan.source', fail), target: side(plan['target'], 'plan.target', fail), steps,
			...(Array.isArray(plan['notes']) ? {notes: plan['notes'].filter((note): note is string => typeof note === 'string')} : {}),
			...(isJsonObject(base) && (typeof base['commit'] === 'string' || base['commit'] === null) ? {base: {commit: base['commit'] as string | null}} : {}),
		},
		excluded: Array.isArray(raw['excluded'])
			? raw['excluded'].filter(isJsonObject).map((entry) => ({
				status: typeof entry['status'] === 'string' ? entry['status'] : 'invalid',
				...(typeof entry['file'] === 'string' ? {file: entry['file']} : {}), ...(typeof entry['error'] === 'string' ? {error: entry['error']} : {}),
			}))
			: [],
	};
}

/** `24h`, `90m`, `2d`, `3600s` or plain seconds, in milliseconds; undefined when it is none of these. */
export function parseDuration(value: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(value.trim());
	if (!match) return undefined;
	const unit = {'': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[match[2] as '' | 's' | 'm' | 'h' | 'd'];
	return Number(match[1]) * unit;
}

/** Same Dashboard, compared as the config normalises its URL (trailing slash, letter case of the host). */
export function sameDashboard(a: string, b: string): boolean {
	const normal = (url: string): string => {
		const result = normalizeDashboardUrl(url);
		return typeof result === 'string' ? result : url;
	};
	return normal(a) === normal(b);
}
