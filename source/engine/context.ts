import type {EnvironmentConfig, ResolvedConfig} from '../config/types.js';
import {findEnvironment} from '../config/index.js';
import type {DashboardClient} from '../sources/dashboard/index.js';
import {openClient, type ClientOptions} from './client.js';

/**
 * What every engine function needs: the resolved config and one Dashboard client per environment, opened on first
 * use and shared (so the per-environment concurrency limit holds across a whole session).
 */
export class EngineContext {
	readonly config: ResolvedConfig;
	readonly clientOptions: ClientOptions;
	private readonly clients = new Map<string, Promise<DashboardClient>>();

	constructor(config: ResolvedConfig, clientOptions: ClientOptions = {}) {
		this.config = config;
		this.clientOptions = clientOptions;
	}

	environment(name: string): EnvironmentConfig {
		return findEnvironment(this.config, name);
	}

	client(name: string): Promise<DashboardClient> {
		let pending = this.clients.get(name);
		if (!pending) {
			pending = openClient(this.environment(name), this.clientOptions);
			this.clients.set(name, pending);
			pending.catch(() => this.clients.delete(name));
		}
		return pending;
	}

	/** Frees keep-alive sockets so the process can exit. */
	async close(): Promise<void> {
		const all = [...this.clients.values()];
		this.clients.clear();
		for (const pending of all) {
			const client = await pending.catch(() => undefined);
			client?.close();
		}
	}
}
