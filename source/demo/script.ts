import type {Engine} from '../engine/engine.js';
import type {Item} from '../core/item.js';
import {commitToBranch} from '../sources/git/commit.js';
import {demoOverlaySecret} from './config.js';
import {addLiveOnlyApi, deleteItem, editLive, liveOf, pick, setTarget} from './story.js';

/** Dumps the selected live items of an environment as one commit: how the demo writes its Git history. */
export async function dumpCommit(engine: Engine, environment: string, ids: readonly string[] | undefined, message: string): Promise<void> {
	const {plan} = await engine.plan({type: 'dump', environment, selection: {ids}});
	const result = await engine.apply(plan, {dump: {message}});
	const failed = result.results.filter((r) => r.status === 'failed');
	if (failed.length > 0) throw new Error(`demo: dump failed for ${failed.map((r) => r.id).join(', ')}: ${failed[0]!.error}`);
}

/**
 * Prod's overlay: its own upstream hosts (every `.internal:` host becomes `.prod.internal:`), a stricter rate on one
 * policy, and the payments API's upstream password from an environment variable, so the first migration a new user
 * tries shows the fields prod keeps for itself.
 */
function prodOverlay(payments: Item, gold: Item): string {
	const rate = Math.max(1, Math.floor(Number(gold.body['rate'] ?? 100) / 2));
	return [
		'# Prod differs from the base in these fields only; tyk-console renders them into prod and keeps them out of the base.',
		'replace:',
		'  - {from: ".internal:", to: ".prod.internal:"}',
		'set:',
		`  policy/${gold.id}:`,
		`    rate: ${rate}`,
		'secrets:',
		`  api/${payments.id}:`,
		`    api_definition.upstream_auth.basic_auth.password: {env: ${demoOverlaySecret.variable}}`,
		'',
	].join('\n');
}

/** Commits prod's overlay beside the layout (the demo's Git history holds it like a team's would). */
async function commitOverlay(engine: Engine, text: string): Promise<void> {
	const git = engine.environment('prod').git;
	await commitToBranch({
		repo: git.repo, branch: git.branch, dir: git.dir, files: new Map([['.tyk-console/overlays/prod.yaml', text]]),
		message: 'Prod overlay: prod upstream hosts, a stricter Gold rate, the payments password from a variable',
	});
}

/** Publishes an environment from Git (with its overlay), as the demo's first deployment of prod. */
async function publishAll(engine: Engine, environment: string): Promise<void> {
	const {plan} = await engine.plan({type: 'publish', environment});
	const result = await engine.apply(plan);
	const failed = result.results.filter((r) => r.status === 'failed');
	if (failed.length > 0) throw new Error(`demo: publish failed for ${failed.map((r) => r.id).join(', ')}: ${failed[0]!.error}`);
}

/**
 * The demo's story, told through the real client and engine: an initial import and three commits of history on
 * `main`, then live changes on staging and prod so every status shows up — changed fields (one a masked secret),
 * items only in Git, items only live, a template, an OAS API with categories.
 */
export async function tellStory(engine: Engine): Promise<void> {
	const staging = await engine.context.client('staging');
	const prod = await engine.context.client('prod');
	const items = await liveOf(staging);
	const classic = pick(items, 'api', 'classic');
	const oas = pick(items, 'api', 'oas');
	const policies = pick(items, 'policy');
	const templates = pick(items, 'template');
	const [orders, payments, reports] = classic;
	const [gold, silver] = policies;
	const partnerApi = oas[0];
	if (!orders || !payments || !reports || !gold || !silver || !partnerApi || templates.length === 0) throw new Error('demo: the seed is too small');

	await dumpCommit(engine, 'staging', undefined, 'Import staging from the live Dashboard');
	// Prod gets its overlay and is deployed from the import with it: its own hosts, rate and password.
	await commitOverlay(engine, prodOverlay(payments, gold));
	await publishAll(engine, 'prod');
	await editLive(staging, orders, (body) => setTarget(body, 'http://orders-v2.internal:8080/'));
	await dumpCommit(engine, 'staging', [orders.id], `Move ${orders.name} to the v2 upstream`);
	await editLive(staging, gold, (body) => {
		body['rate'] = Number(body['rate'] ?? 0) + 100;
	});
	await dumpCommit(engine, 'staging', [gold.id], `Raise the ${gold.name} rate limit`);
	await editLive(staging, partnerApi, (body) => {
		const current = Array.isArray(body['categories']) ? body['categories'] : [];
		body['categories'] = [...current, 'partners'];
	});
	await dumpCommit(engine, 'staging', [partnerApi.id], `Tag ${partnerApi.name} for partners`);

	// Staging drifts from Git: a hotfix applied by hand, a rotated upstream password, a deleted and a new API.
	await editLive(staging, orders, (body) => setTarget(body, 'http://orders-hotfix.internal:8080/'));
	await editLive(staging, payments, (body) => {
		const def = body['api_definition'] as Record<string, unknown>;
		def['upstream_auth'] = {enabled: true, basic_auth: {username: 'svc-payments', password: 'rotated-by-hand-2026', header: {enabled: false, name: ''}}, oauth: {enabled: false}};
	});
	await editLive(staging, silver, (body) => {
		body['quota_max'] = 50_000;
	});
	await deleteItem(staging, reports.kind, reports.flavor, reports.id);
	await addLiveOnlyApi(staging, 'experiments-sandbox', 'Experiments Sandbox #labs');

	// Prod is still at the first import: it lacks the three later commits, misses a template, and has a legacy API.
	await deleteItem(prod, 'template', undefined, templates[0]!.id);
	await addLiveOnlyApi(prod, 'legacy-billing', 'Legacy Billing #billing');
}
