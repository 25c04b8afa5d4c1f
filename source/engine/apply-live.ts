import pLimit from 'p-limit';
import type {JsonObject} from '../core/json.js';
import {makeItem, type Item} from '../core/item.js';
import type {LiveOutcome, Plan, PlanStep, ProgressEvent, StepResult, TargetItem} from '../core/plan.js';
import {planPhases} from '../core/planning.js';
import {createItem, deleteItem, getItem, isDashboardError, listPolicies, liveAddress, updateItem, type DashboardClient} from '../sources/dashboard/index.js';
import {abandonOperation, finishOperation, recordAudit, recordPreImage, recordResult, startOperation, type Operation} from '../sources/journal.js';
import {acquireLock} from '../sources/lock.js';
import type {EngineContext} from './context.js';
import {errorMessage} from '../core/errors.js';
import {undoneBy} from './plans.js';
import {scrubSecrets} from './scrub.js';
import {contentHash, readBackDifferences, sameState} from './verify.js';
import {planSecrets, withSecrets} from './overlays.js';
import type {ResolvedOverlaySecrets} from '../sources/overlay/secrets.js';

/**
 * The first journal write of an apply that failed (a full or broken state disk). From then on no item is written to
 * the Dashboard: a write whose pre-image is not on disk could not be undone. Items already written keep their results.
 */
class JournalStop {
	failure?: string;

	constructor(private readonly stateDir: string) {}

	/** Runs one journal write unless one already failed; a failure is remembered (the first wins) and stops the writes. */
	async record(what: string, write: () => Promise<unknown>): Promise<boolean> {
		if (this.failure !== undefined) return false;
		try {
			await write();
			return true;
		} catch (error) {
			this.failure ??= `the journal in ${this.stateDir} could not be written (${what}: ${errorMessage(error)})`;
			return false;
		}
	}
}

interface StepContext {
	readonly context: EngineContext;
	readonly client: DashboardClient;
	readonly op: Operation;
	readonly plan: Plan;
	/**
	 * The live policies by custom `id` (the first of a repeated id, as a search of the list finds), fetched at most once
	 * per apply and only if a policy cannot be read by its id: a map, since every policy of a large migration to an old
	 * Dashboard looks itself up (a search of the list per policy was quadratic).
	 */
	readonly policies: () => Promise<ReadonlyMap<string, JsonObject>>;
	readonly journal: JournalStop;
	/** Overlay secret values for this apply's writes (obtained once, right before writing; never recorded). */
	readonly secrets?: ResolvedOverlaySecrets;
}

/**
 * The live item right before a write. A policy that is not live yet is read by its custom `id`, which a Dashboard
 * before 5.12 refuses (400 `Invalid policy ID.`, contract 5.3): then it is looked up in the policy list instead, so
 * creating and migrating policies works there too.
 */
async function readCurrent(ctx: StepContext, step: PlanStep, flavor: PlanStep['flavor'], address: string): Promise<JsonObject | undefined> {
	try {
		return await getItem(ctx.client, step.kind, flavor, address);
	} catch (error) {
		if (step.kind !== 'policy' || address !== step.id || !isDashboardError(error) || error.status !== 400) throw error;
		return (await ctx.policies()).get(step.id);
	}
}

/** Policies keyed by their custom `id`; the first of a repeated id is kept. */
function byCustomId(policies: readonly JsonObject[]): Map<string, JsonObject> {
	const byId = new Map<string, JsonObject>();
	for (const policy of policies) {
		const id = policy['id'];
		if (typeof id === 'string' && !byId.has(id)) byId.set(id, policy);
	}
	return byId;
}

function result(step: PlanStep, status: StepResult['status'], extra: {verified?: boolean; error?: string} = {}): StepResult {
	// Error texts may quote the Dashboard's answer, which may echo the definition: its secrets are scrubbed here, once.
	const error = extra.error === undefined ? {} : {error: scrubSecrets(extra.error, [step.after?.body, step.before?.body])};
	return {key: step.key, kind: step.kind, flavor: step.flavor, id: step.id, name: step.name, action: step.action, status, ...extra, ...error};
}

/** Writes one step; resolves with the address to read the item back at (a created policy: its new `_id`). */
async function write(client: DashboardClient, step: PlanStep, address: string): Promise<string> {
	if (step.action === 'create') {
		const created = await createItem(client, step.after!);
		return step.kind === 'policy' ? created.dbId : step.id;
	}
	if (step.action === 'update') await updateItem(client, step.after!, address);
	else if (step.action === 'delete') await deleteItem(client, step.kind, step.before?.flavor ?? step.flavor, address);
	return address;
}

/** One step's outcome plus what the Dashboard holds for it now: an item, absent (`null`), or unknown (`undefined`). */
interface StepOutcome {
	readonly result: StepResult;
	readonly current?: JsonObject | null;
	readonly written?: JsonObject | null;
	/** Nothing was sent: the Dashboard holds `current` when it was re-read. */
	readonly unsent?: boolean;
}

/** A step the apply did not write because the journal failed (before or after its re-read). */
function notWritten(ctx: StepContext, step: PlanStep, current?: JsonObject | null): StepOutcome {
	const error = `not written: ${ctx.journal.failure}; nothing more was written after that`;
	return {result: result(step, 'failed', {error}), unsent: true, ...(current === undefined ? {} : {current})};
}

async function applyStep(ctx: StepContext, planned: PlanStep): Promise<StepOutcome> {
	const {client, op, context} = ctx;
	const ignore = {ignore: context.config.ignore};
	if (planned.action === 'skip') return {result: result(planned, 'skipped')};
	if (ctx.journal.failure !== undefined) return notWritten(ctx, planned);
	// The overlay's secrets go into this write only: the plan, its output and the journal's records never hold them.
	const filled = withSecrets(planned, ctx.secrets);
	if ('error' in filled) return {result: result(planned, 'failed', {error: filled.error}), unsent: true};
	const {step} = filled;
	const flavor = step.before?.flavor ?? step.after?.flavor ?? step.flavor;
	const address = liveAddress(step.before, step.id);
	let current: JsonObject | undefined;
	try {
		current = await readCurrent(ctx, step, flavor, address);
	} catch (error) {
		return {result: result(step, 'failed', {error: `could not read the live item before writing: ${errorMessage(error)}`})};
	}
	const unchanged = step.baseHash === undefined
		? sameState(step.kind, current, step.before, ignore)
		: (current ? contentHash(step.kind, current, ignore) : null) === step.baseHash;
	if (!unchanged) {
		return {result: result(step, 'failed', {error: 'changed since planned: the live item differs from the plan; refresh and plan again'}), current: current ?? null, unsent: true};
	}
	const saved = await ctx.journal.record(`pre-image of ${step.kind} ${step.id}`, () => recordPreImage(op, {kind: step.kind, flavor, id: step.id, body: current ?? null}));
	// Checked again after this item's own pre-image: another item's journal write may have failed meanwhile.
	if (!saved || ctx.journal.failure !== undefined) return notWritten(ctx, step, current ?? null);
	let readBack: string;
	try {
		readBack = await write(client, step, address);
	} catch (error) {
		return {result: result(step, 'failed', {error: errorMessage(error)}), current: current ?? null};
	}
	let after: JsonObject | undefined;
	try {
		after = await getItem(client, step.kind, step.after?.flavor ?? flavor, readBack);
	} catch (error) {
		return {result: result(step, 'failed', {error: `written, but the read-back failed: ${errorMessage(error)}`}), current: current ?? null};
	}
	const differences = readBackDifferences(step.kind, after, step.after, ignore);
	if (differences.length > 0) {
		return {result: result(step, 'failed', {error: `written, but the read-back differs at ${differences.slice(0, 5).join(', ')}`}), current: current ?? null, written: after ?? null};
	}
	return {result: result(step, 'applied', {verified: true}), current: current ?? null, written: after ?? null};
}

/** What the target holds for a step after its outcome: the read-back, else the re-read when nothing was sent. */
function targetOf(step: PlanStep, outcome: StepOutcome): {item?: Item} | 'unknown' {
	if (outcome.result.status === 'skipped') return step.before ? {item: step.before} : {};
	const body = outcome.written !== undefined ? outcome.written : outcome.unsent ? outcome.current : undefined;
	if (body === undefined) return 'unknown';
	return body === null ? {} : {item: makeItem(step.kind, body)};
}

/**
 * Applies a plan to an environment's Dashboard. Under the environment's lock, each item is re-read and checked against
 * the plan, its live pre-image is made durable in the journal, then it is written and read back. Steps run phase by
 * phase (policies, then APIs, then templates, deletes last), concurrently within a phase but at most `concurrency`
 * items at a time, each item's whole sequence held together: the Dashboard has no conditional write, so the only
 * guard against an edit made there meanwhile is the re-read, and it must come one round trip before its write, not
 * after every other item's re-read (the client's own limit is per request). One failure never stops or
 * hides the others. A journal write that fails (a full state disk) stops every later write to the Dashboard at once:
 * the items already attempted keep their results, the rest fail as not written, and the outcome names the failure.
 * The result says what the Dashboard now holds for every step it knows, so views update without a reload; steps
 * whose write may or may not have landed are listed as uncertain.
 */
export async function applyToLive(context: EngineContext, plan: Plan, onProgress: (event: ProgressEvent) => void = () => {}): Promise<LiveOutcome> {
	if (plan.direction === 'dump') throw new Error('internal: a dump plan is applied to Git, not to a Dashboard');
	const direction = plan.direction;
	const environment = context.environment(plan.environment);
	if (environment.readOnly) throw new Error(`${environment.name} is read-only (readOnly: true in the config): nothing was written`);
	const client = await context.client(plan.environment);
	const secrets = await planSecrets(context, plan).catch((error: unknown) => {
		throw new Error(`the overlay's secrets could not be read (${errorMessage(error)}): nothing was written to ${plan.environment}`);
	});
	const release = await acquireLock(context.config.stateDir, plan.environment, {wait: false});
	try {
		const {stateDir} = context.config;
		const undoes = undoneBy(plan);
		const op = await startOperation(stateDir, {environment: plan.environment, action: plan.direction, source: plan.source.label, ...(undoes ? {undoes} : {})})
			.catch((error: unknown) => {
				throw new Error(`the journal in ${stateDir} could not be written (${errorMessage(error)}): nothing was written to ${plan.environment}`);
			});
		const journal = new JournalStop(stateDir);
		const total = plan.steps.length;
		onProgress({type: 'start', total, operation: op.id});
		const results: StepResult[] = [];
		const target: TargetItem[] = [];
		const uncertain: string[] = [];
		let policyList: Promise<ReadonlyMap<string, JsonObject>> | undefined;
		const policies = () => (policyList ??= listPolicies(client).then(byCustomId));
		const inFlight = pLimit(environment.concurrency);
		try {
			for (const phase of planPhases(plan)) {
				await Promise.all(phase.map((step) => inFlight(async () => {
					const outcome = await applyStep({context, client, op, plan, policies, journal, secrets}, step)
						.catch((error: unknown): StepOutcome => ({result: result(step, 'failed', {error: errorMessage(error)})}));
					const clean = outcome.result;
					const what = `${clean.kind} ${clean.id}`;
					await journal.record(`result of ${what}`, () => recordResult(op, {kind: clean.kind, id: clean.id, name: clean.name, action: clean.action, status: clean.status, error: clean.error}));
					if (clean.action !== 'skip') {
						await journal.record(`audit line of ${what}`, () => recordAudit(op, {
							kind: clean.kind, id: clean.id, action: clean.action, result: clean.status,
							before: clean.status === 'applied' ? outcome.current ?? null : null, after: clean.status === 'applied' ? outcome.written ?? null : null,
							error: clean.error,
						}));
					}
					const now = targetOf(step, outcome);
					if (now === 'unknown') uncertain.push(step.key);
					else target.push({key: step.key, ...now});
					results.push(clean);
					onProgress({type: 'step', result: clean, done: results.length, total});
				})));
			}
		} finally {
			// An operation whose journal failed stays without a finish record: it is incomplete, and reads as interrupted.
			if (journal.failure === undefined) await journal.record('finish record', () => finishOperation(op));
			if (journal.failure !== undefined) await abandonOperation(op);
		}
		const order = new Map(plan.steps.map((step, index) => [step.key, index]));
		results.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
		const journalError = journal.failure === undefined ? {} : {journalError: journal.failure};
		return {operation: op.id, environment: plan.environment, direction, results, target, uncertain, ...journalError};
	} finally {
		await release();
	}
}
