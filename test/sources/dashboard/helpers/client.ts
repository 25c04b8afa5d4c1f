import type {ExecutionContext} from 'ava';
import {createDashboardClient, type DashboardClient, type DashboardClientOptions} from '../../../../source/sources/dashboard/index.js';

/** A recognisable key, so tests can check it never leaks into messages or events. */
export const testKey = 'sekrit-key-4f1d9c0a';

/** A client for a test server, with fast retries, closed on teardown. */
export function testClient(t: ExecutionContext, url: string, options: Partial<DashboardClientOptions> = {}): DashboardClient {
	const client = createDashboardClient({name: 'staging', url, key: testKey, retryDelayMs: 1, timeoutMs: 5000, ...options});
	t.teardown(() => client.close());
	return client;
}
