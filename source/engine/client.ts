import {readFile} from 'node:fs/promises';
import {resolveSecret} from '../config/index.js';
import type {EnvironmentConfig} from '../config/types.js';
import {createDashboardClient, type DashboardClient, type RequestEvent} from '../sources/dashboard/index.js';

/** Options every command shares when it talks to a Dashboard. */
export interface ClientOptions {
	/** `--verbose`: one line per request (method, path, status, ms); never the key. */
	readonly log?: (line: string) => void;
	/** Told once per environment contacted with a weakened setting (`tls.insecure`), so it never goes unnoticed. */
	readonly warn?: (line: string) => void;
	/** Test seam: override retries / back-off. */
	readonly retryDelayMs?: number;
}

function describeRequest(environment: string, event: RequestEvent): string {
	const status = event.status === undefined ? (event.error ?? 'failed') : String(event.status);
	return `${environment}: ${event.method} ${event.path} ${status} ${Math.round(event.ms)}ms`;
}

/**
 * A Dashboard client for one environment: resolves the key only now (so a locked vault for one environment does not
 * stop the others) and reads the CA file named in the config.
 */
export async function openClient(environment: EnvironmentConfig, options: ClientOptions = {}): Promise<DashboardClient> {
	const key = await resolveSecret(environment);
	let ca: string | undefined;
	if (environment.tls.ca) {
		try {
			ca = await readFile(environment.tls.ca, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
			throw new Error(`${environment.name}: cannot read the CA file ${environment.tls.ca} (${code}); check tls.ca in the config`);
		}
		if (!/-----BEGIN CERTIFICATE-----/.test(ca)) {
			throw new Error(`${environment.name}: tls.ca ${environment.tls.ca} is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line); convert it (openssl x509 -inform der -in FILE -out FILE.pem) and check tls.ca in the config`);
		}
	}
	if (environment.tls.insecure) options.warn?.(`${environment.name}: tls.insecure is set, so the Dashboard's TLS certificate is not checked`);
	const log = options.log;
	return createDashboardClient({
		name: environment.name,
		url: environment.dashboard,
		key,
		timeoutMs: environment.timeoutMs,
		maxResponseMB: environment.maxResponseMB,
		concurrency: environment.concurrency,
		tls: {insecure: environment.tls.insecure, ca},
		orgId: environment.orgId,
		retryDelayMs: options.retryDelayMs,
		onRequest: log ? (event) => log(describeRequest(environment.name, event)) : undefined,
	});
}
