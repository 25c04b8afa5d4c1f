import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {faultSettingsError, type FailOn} from './faults.js';
import {defaultRandomId, idFactory} from './ids.js';
import {loadState, StateWriter} from './persist.js';
import {createHandler, type EmulatorUser} from './router.js';
import {seedStore} from './seed.js';
import {EmulatorStore} from './store.js';

export {EmulatorStore} from './store.js';
export {seedStore, type SeedCounts} from './seed.js';
export type {FaultSettings, FailOn} from './faults.js';
export {defaultReadOnlyUser, defaultSecretUser, type EmulatorUser} from './router.js';

/** Everything that shapes one emulator instance; only `secret` is required. */
export interface EmulatorOptions {
	port?: number;
	host?: string;
	secret: string;
	adminSecret?: string;
	readOnlySecret?: string;
	/** More users with their own keys; the audit log names who made each write. */
	users?: readonly EmulatorUser[];
	/** Audit-log user name of `secret` (default `admin@tyk-emulator.local`). */
	secretUser?: string;
	/** `false`: no `GET /api/audit-logs` (404), like a Dashboard before 5.7 or one that logs to a file. */
	auditLog?: boolean;
	dataFile?: string;
	seed?: number;
	seedPolicies?: number;
	seedTemplates?: number;
	latencyMs?: number;
	failRate?: number;
	failOn?: FailOn;
	pageSize?: number;
	enableDuplicateSlugs?: boolean;
	legacyResetApiIdOnCreate?: boolean;
	legacyPolicyPaths?: boolean;
	gatewayBase?: string;
	orgId?: string;
	now?: () => Date;
	/** Source of random hex; DB ids use its last 24 hex digits, public ids its last 32. */
	randomId?: () => string;
}

/** A started emulator; `store` gives tests and the demo direct access to its state. */
export interface RunningEmulator {
	url: string;
	port: number;
	close(): Promise<void>;
	store: EmulatorStore;
}

/** Default organisation id (24-hex like a real one), shared by every emulator so dumps compare cleanly. */
export const defaultOrgId = '5e9d9544a1dcd60001d0ed20';

function checkOptions(options: EmulatorOptions): void {
	if (typeof options.secret !== 'string' || options.secret === '') throw new Error('The emulator needs a non-empty secret (API key).');
	const faultError = faultSettingsError({failRate: options.failRate, failOn: options.failOn, latencyMs: options.latencyMs});
	if (faultError) throw new Error(faultError);
	if (options.pageSize !== undefined && !(Number.isInteger(options.pageSize) && options.pageSize > 0)) throw new Error('pageSize must be a positive integer');
	if (options.seed !== undefined && !(Number.isInteger(options.seed) && options.seed >= 0)) throw new Error('seed must be a whole number ≥ 0');
	for (const [name, value] of [['seedPolicies', options.seedPolicies], ['seedTemplates', options.seedTemplates]] as const) {
		if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new Error(`${name} must be a whole number ≥ 0`);
	}
}

/**
 * Starts a Tyk Dashboard emulator on loopback (free port by default). With `dataFile`, state is loaded from it
 * (when it exists) and written after every change; seeding happens only when the file held no state, so a
 * restarted demo keeps its edits.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
	checkOptions(options);
	const store = new EmulatorStore(
		{
			ids: idFactory(options.randomId ?? defaultRandomId),
			now: options.now ?? (() => new Date()),
			orgId: options.orgId ?? defaultOrgId,
			gatewayBase: options.gatewayBase ?? 'http://localhost:8080',
			enableDuplicateSlugs: options.enableDuplicateSlugs ?? false,
			legacyResetApiIdOnCreate: options.legacyResetApiIdOnCreate ?? false,
			legacyPolicyPaths: options.legacyPolicyPaths ?? false,
		},
		{failRate: options.failRate ?? 0, failOn: options.failOn ?? 'all', latencyMs: options.latencyMs ?? 0},
		options.seed ?? 1,
	);
	const state = options.dataFile ? await loadState(options.dataFile) : undefined;
	if (state) store.restore(state);
	else if (options.seed) seedStore(store, {apis: options.seed, policies: options.seedPolicies, templates: options.seedTemplates});
	let writer: StateWriter | undefined;
	if (options.dataFile) {
		writer = new StateWriter(options.dataFile, () => store.snapshot());
		const active = writer;
		store.setPersistence(() => active.save());
		if (!state) await writer.save();
	}
	const server = createServer(
		createHandler(store, {
			secret: options.secret,
			adminSecret: options.adminSecret ?? `${options.secret}-admin`,
			readOnlySecret: options.readOnlySecret,
			...(options.users ? {users: options.users} : {}),
			...(options.secretUser ? {secretUser: options.secretUser} : {}),
		}, options.pageSize ?? 10, {auditLog: options.auditLog ?? true}),
	);
	server.keepAliveTimeout = 1000;
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		store,
		close() {
			closing ??= new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeIdleConnections();
			}).then(async () => {
				if (writer) await writer.flush();
			});
			return closing;
		},
	};
}
