import {idProblem, itemKey, type Item} from './item.js';
import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import type {BlockedStep, Plan, PlanStep} from './plan.js';

/** Where an API listens: a Dashboard keeps (domain, listen path) unique within an organisation (contract §3.4). */
export interface ApiRoute {
	readonly id: string;
	readonly name: string;
	readonly listenPath: string;
	readonly domain: string;
}

/** Which APIs a policy grants: the keys (and `api_id`s) of its `access_rights`. */
export interface PolicyGrants {
	readonly id: string;
	readonly name: string;
	readonly apis: readonly string[];
}

/** What a target holds, as far as the checks before writing need it: every API's route and every policy's grants. */
export interface TargetIndex {
	readonly apis: readonly ApiRoute[];
	readonly policies: readonly PolicyGrants[];
}

/** How the target Dashboard is set up, where that changes what it refuses. */
export interface CheckOptions {
	/** The Dashboard runs with `enable_duplicate_slugs`: it does not compare listen paths, so neither do the checks. */
	readonly duplicateListenPaths?: boolean;
	/**
	 * The APIs the plan's source holds (ID → name), when known: a missing dependency it lacks too cannot be added from
	 * it, and one it holds is named.
	 */
	readonly sourceApis?: ReadonlyMap<string, string>;
}

/** A policy ID may hold only these characters (Dashboard 5.13; the emulator checks it on every write). */
const safePolicyId = /^[A-Za-z0-9_.~-]+$/;

const objectAt = (value: JsonValue | undefined): JsonObject => (isJsonObject(value) ? value : {});
const stringAt = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

/**
 * The route of an API as the Dashboard stores it. Classic: `proxy.listen_path` (an empty one becomes `/<api_id>/` on
 * save) and `domain`; Tyk OAS: `server.listenPath.value` and `server.customDomain.name` unless the domain is disabled.
 */
export function apiRoute(item: Item): ApiRoute {
	if (item.flavor === 'oas') {
		const server = objectAt(objectAt(objectAt(item.body['oas'])['x-tyk-api-gateway'])['server']);
		const domain = objectAt(server['customDomain']);
		return {
			id: item.id, name: item.name, listenPath: stringAt(objectAt(server['listenPath'])['value']),
			domain: domain['enabled'] === false ? '' : stringAt(domain['name']),
		};
	}
	const def = objectAt(item.body['api_definition']);
	const listenPath = stringAt(objectAt(def['proxy'])['listen_path']) || `/${item.id}/`;
	return {id: item.id, name: item.name, listenPath, domain: stringAt(def['domain'])};
}

/** The API IDs a policy body grants: each `access_rights` key, and the `api_id` inside its entry when it differs. */
export function grantedApis(body: JsonObject): string[] {
	const rights = objectAt(body['access_rights']);
	const ids = new Set<string>();
	for (const [key, entry] of Object.entries(rights)) {
		const inner = stringAt(objectAt(entry)['api_id']);
		ids.add(inner || key);
	}
	return [...ids].filter((id) => id !== '');
}

/** The index of a set of items (every live item of a target, or any set the caller holds). */
export function indexItems(items: readonly Item[]): TargetIndex {
	return {
		apis: items.filter((item) => item.kind === 'api').map(apiRoute),
		policies: items.filter((item) => item.kind === 'policy').map((item) => ({id: item.id, name: item.name, apis: grantedApis(item.body)})),
	};
}

/** Why a target refuses this item's ID, or undefined: a URL-collapsing ID, or a policy ID with a forbidden character. */
export function idRefusal(item: Item): string | undefined {
	const problem = idProblem(item.id);
	if (problem) return `${problem}; a Dashboard cannot hold it`;
	const policyId = item.kind === 'policy' ? stringAt(item.body['id']) : '';
	if (policyId !== '' && !safePolicyId.test(policyId)) {
		return `the policy ID ${JSON.stringify(policyId)} has characters a Dashboard refuses (only letters, digits and _ . ~ - are allowed)`;
	}
	return undefined;
}

/**
 * Why a Dashboard refuses this Tyk OAS document, or undefined: the `x-tyk-api-gateway` object is required (400 "The
 * payload should contain x-tyk-api-gateway."), and so are `openapi` and the extension's `info.name` (schema errors).
 */
export function oasRefusal(item: Item): string | undefined {
	if (item.kind !== 'api' || item.flavor !== 'oas') return undefined;
	const doc = objectAt(item.body['oas']);
	if (!isJsonObject(doc['x-tyk-api-gateway'])) return 'the Tyk OAS document has no x-tyk-api-gateway object, which a Dashboard requires';
	const missing = [
		...(typeof doc['openapi'] === 'string' ? [] : ['openapi']),
		...(stringAt(objectAt(objectAt(doc['x-tyk-api-gateway'])['info'])['name']) === '' ? ['x-tyk-api-gateway.info.name'] : []),
	];
	return missing.length > 0 ? `the Tyk OAS document lacks ${missing.join(' and ')}, which a Dashboard requires` : undefined;
}

/** One entry of the target after the plan, and whether the plan writes it (else it is live and left alone). */
interface After<T> {
	readonly entry: T;
	readonly planned: boolean;
}

/** The target as it will be after the plan: live items not touched, plus the plan's new bodies, minus its deletions. */
function afterPlan(plan: Plan, target: TargetIndex): {apis: After<ApiRoute>[]; policies: After<PolicyGrants>[]} {
	const touched = new Set(plan.steps.filter((step) => step.action !== 'skip').map((step) => step.key));
	const written = plan.steps.filter((step) => (step.action === 'create' || step.action === 'update') && step.after);
	const planned = indexItems(written.map((step) => step.after!));
	return {
		apis: [
			...target.apis.filter((api) => !touched.has(itemKey({kind: 'api', id: api.id}))).map((entry) => ({entry, planned: false})),
			...planned.apis.map((entry) => ({entry, planned: true})),
		],
		policies: [
			...target.policies.filter((policy) => !touched.has(itemKey({kind: 'policy', id: policy.id}))).map((entry) => ({entry, planned: false})),
			...planned.policies.map((entry) => ({entry, planned: true})),
		],
	};
}

const routeKey = (route: ApiRoute): string => `${route.domain}|${route.listenPath}`;
const named = (entry: {name: string; id: string}): string => `${JSON.stringify(entry.name || entry.id)} (${entry.id})`;

/** The API IDs the plan's policies grant that the target will not hold after the plan: the dependencies to add. */
export function missingDependencies(plan: Plan, target: TargetIndex): string[] {
	const after = afterPlan(plan, target);
	const apis = new Set(after.apis.map(({entry}) => entry.id));
	const missing = new Set<string>();
	for (const {entry, planned} of after.policies) if (planned) for (const id of entry.apis) if (!apis.has(id)) missing.add(id);
	return [...missing];
}

/**
 * Every step of a plan the target would refuse, or that would leave it broken, each with one sentence why; evaluated
 * on the target as it will be after the plan. Steps of a dump are never blocked: Git takes anything.
 */
export function checkPlan(plan: Plan, target: TargetIndex, options: CheckOptions = {}): BlockedStep[] {
	if (plan.direction === 'dump') return [];
	const after = afterPlan(plan, target);
	const byRoute = new Map<string, After<ApiRoute>[]>();
	for (const api of after.apis) byRoute.set(routeKey(api.entry), [...(byRoute.get(routeKey(api.entry)) ?? []), api]);
	const apiIds = new Set(after.apis.map(({entry}) => entry.id));
	// Which policies grant each API, so a prune of thousands of APIs does not scan every policy for each one.
	const grantedBy = new Map<string, PolicyGrants[]>();
	for (const {entry} of after.policies) for (const id of entry.apis) grantedBy.set(id, [...grantedBy.get(id) ?? [], entry]);
	const where = plan.target.label;
	const blocked: BlockedStep[] = [];
	const block = (step: PlanStep, reason: string, missingApi?: string) => {
		blocked.push({key: step.key, kind: step.kind, id: step.id, name: step.name, reason, ...(missingApi === undefined ? {} : {missingApi})});
	};
	for (const step of plan.steps) {
		if (step.action === 'skip') continue;
		if (step.action === 'delete') {
			if (step.kind !== 'api') continue;
			for (const entry of grantedBy.get(step.id) ?? []) block(step, `policy ${named(entry)} grants this API and stays in ${where}: delete or change the policy too`);
			continue;
		}
		const item = step.after;
		if (!item) continue;
		for (const reason of [idRefusal(item), oasRefusal(item)]) if (reason) block(step, reason);
		if (step.kind === 'api' && !options.duplicateListenPaths) {
			const route = apiRoute(item);
			for (const other of byRoute.get(routeKey(route)) ?? []) {
				if (other.entry.id === step.id) continue;
				const on = route.domain === '' ? '' : ` on domain ${route.domain}`;
				block(step, `listen path ${route.listenPath}${on} is also used by API ${named(other.entry)} ${other.planned ? 'in this plan' : `in ${where}`}: a Dashboard refuses two APIs with the same listen path and domain`);
			}
		}
		if (step.kind === 'policy') {
			for (const id of grantedApis(item.body)) {
				if (apiIds.has(id)) continue;
				const live = target.apis.find((api) => api.id === id);
				const name = live?.name || options.sourceApis?.get(id);
				const api = name ? `${JSON.stringify(name)} (${id})` : id;
				if (live) {
					block(step, `grants API ${api}, which this plan deletes`);
				} else if (options.sourceApis && !options.sourceApis.has(id)) {
					block(step, `grants API ${api}, which is neither in ${where} nor in this plan, and ${plan.source.label} lacks it too`);
				} else {
					block(step, `grants API ${api}, which is neither in ${where} nor in this plan (adding dependencies takes it from ${plan.source.label})`, id);
				}
			}
		}
	}
	return blocked;
}
