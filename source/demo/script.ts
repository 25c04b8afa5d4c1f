import type {Engine} from '../engine/engine.js';
import {addLiveOnlyApi, deleteItem, editLive, liveOf, pick, setTarget} from './story.js';

/** Dumps the selected live items of an environment as one commit: how the demo writes its Git history. */
export async function dumpCommit(engine: Engine, environment: string, ids: readonly string[] | undefined, message: string): Promise<void> {
	const {plan} = await engine.plan({type: 'dump', environment, selection: {ids}});
	const result = await engine.apply(plan, {dump: {message}});
	const failed = result.results.filter((r) => r.status === 'failed');
	if (failed.length > 0) throw new Error(`demo: dump failed for ${failed.map((r) => r.id).join(', ')}: ${failed[0]!.error}`);
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
