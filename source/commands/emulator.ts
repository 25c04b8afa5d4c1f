import {randomBytes} from 'node:crypto';
import type {Command} from 'commander';
import type {EmulatorOptions, EmulatorUser, FailOn} from '../emulator/index.js';

/** Raw commander values; everything arrives as text and is validated here with one clear sentence per mistake. */
interface RawOptions {
	port?: string;
	host?: string;
	secret?: string;
	adminSecret?: string;
	readOnlySecret?: string;
	user?: string[];
	auditLog?: boolean;
	data?: string;
	seed?: string;
	seedPolicies?: string;
	seedTemplates?: string;
	latency?: string;
	failRate?: string;
	failOn?: string;
	pageSize?: string;
	enableDuplicateSlugs?: boolean;
	legacyResetApiId?: boolean;
	legacyPolicyPaths?: boolean;
	gatewayBase?: string;
	orgId?: string;
}

function wholeNumber(flag: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value.trim()) || Number(value) > max) throw new Error(`${flag} must be a whole number between 0 and ${max} (got "${value}")`);
	return Number(value);
}

/** `--user NAME=KEY` values as users: the name the audit log records, and the key that acts as them. */
function usersOf(values: readonly string[] | undefined): EmulatorUser[] | undefined {
	if (!values || values.length === 0) return undefined;
	return values.map((value) => {
		const at = value.indexOf('=');
		const name = at < 0 ? '' : value.slice(0, at).trim();
		const secret = at < 0 ? '' : value.slice(at + 1);
		if (name === '' || secret === '') throw new Error(`--user takes NAME=KEY, e.g. --user alice@example.com=alice-key (got "${at < 0 ? value : `${name}=…`}")`);
		return {name, secret};
	});
}

/** Turns flags into EmulatorOptions, rejecting bad values before anything starts. Exported for tests. */
export function emulatorOptionsFromFlags(raw: RawOptions, env: NodeJS.ProcessEnv = process.env): {options: EmulatorOptions; generated: boolean} {
	const failRate = raw.failRate === undefined ? undefined : Number(raw.failRate);
	if (failRate !== undefined && (raw.failRate!.trim() === '' || !Number.isFinite(failRate) || failRate < 0 || failRate > 1)) {
		throw new Error(`--fail-rate must be between 0 and 1 (got "${raw.failRate}")`);
	}
	if (raw.failOn !== undefined && !['all', 'reads', 'writes'].includes(raw.failOn)) {
		throw new Error(`--fail-on must be all, reads or writes (got "${raw.failOn}")`);
	}
	const pageSize = wholeNumber('--page-size', raw.pageSize);
	if (pageSize === 0) throw new Error('--page-size must be at least 1');
	if (raw.secret === '') throw new Error('--secret must not be empty');
	const given = raw.secret ?? env['TYK_EMULATOR_SECRET'];
	const secret = given || randomBytes(16).toString('hex');
	const options: EmulatorOptions = {
		port: wholeNumber('--port', raw.port, 65_535),
		host: raw.host,
		secret,
		adminSecret: raw.adminSecret,
		readOnlySecret: raw.readOnlySecret,
		...(raw.user?.length ? {users: usersOf(raw.user)} : {}),
		...(raw.auditLog === false ? {auditLog: false} : {}),
		dataFile: raw.data,
		seed: wholeNumber('--seed', raw.seed),
		seedPolicies: wholeNumber('--seed-policies', raw.seedPolicies),
		seedTemplates: wholeNumber('--seed-templates', raw.seedTemplates),
		latencyMs: wholeNumber('--latency', raw.latency),
		failRate,
		failOn: raw.failOn as FailOn | undefined,
		pageSize,
		enableDuplicateSlugs: raw.enableDuplicateSlugs,
		legacyResetApiIdOnCreate: raw.legacyResetApiId,
		legacyPolicyPaths: raw.legacyPolicyPaths,
		gatewayBase: raw.gatewayBase,
		orgId: raw.orgId,
	};
	return {options, generated: !given};
}

async function run(raw: RawOptions): Promise<void> {
	const {options, generated} = emulatorOptionsFromFlags(raw);
	// Loaded only when the emulator runs, so every other command starts without it.
	const {startEmulator} = await import('../emulator/index.js');
	const emulator = await startEmulator(options).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'EADDRINUSE') {
			throw new Error(`port ${options.port} is already in use on ${options.host ?? '127.0.0.1'}; choose another with --port (0 picks a free one)`);
		}
		throw error;
	});
	const lines = [`Tyk Dashboard emulator listening on ${emulator.url}`];
	// Only secrets the emulator made up itself are printed; keys the user chose are never echoed.
	lines.push(generated ? `API key: ${options.secret}` : 'API key: (as given)');
	if (options.adminSecret) lines.push('Admin secret: (as given)');
	else lines.push(generated ? `Admin secret: ${options.secret}-admin` : 'Admin secret: <API key>-admin');
	if (options.dataFile) lines.push(`State file: ${options.dataFile}`);
	process.stdout.write(`${lines.join('\n')}\n`);
	await new Promise<void>((resolve) => {
		const stop = (): void => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await emulator.close();
	process.stdout.write('Emulator stopped.\n');
	process.exitCode = 0;
}

/** Registers `tyk-console emulator`, the local Tyk Dashboard stand-in used by the demo, tests and users. */
export function registerEmulator(program: Command): void {
	program
		.command('emulator')
		.description('run a local Tyk Dashboard emulator (Classic/OAS APIs, policies, templates, admin import)')
		.option('--port <n>', 'port to listen on (0 = any free port)', '0')
		.option('--host <host>', 'interface to bind', '127.0.0.1')
		.option('--secret <key>', 'user API key (default: $TYK_EMULATOR_SECRET, else generated and printed)')
		.option('--admin-secret <secret>', 'admin-auth secret (default: <key>-admin)')
		.option('--read-only-secret <key>', 'extra key that may only read (writes get 403)')
		.option('--user <name=key>', 'another Dashboard user with its own key, named in the audit log (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
		.option('--no-audit-log', 'no GET /api/audit-logs (404), like a Dashboard before 5.7')
		.option('--data <file>', 'persist state in this JSON file (loaded at start, written atomically)')
		.option('--seed <n>', 'generate N APIs (half Classic, half OAS) plus policies and templates')
		.option('--seed-policies <n>', 'number of seeded policies (default N/2)')
		.option('--seed-templates <n>', 'number of seeded templates (default 3)')
		.option('--latency <ms>', 'delay added to every request')
		.option('--fail-rate <r>', 'fraction (0..1) of requests answered 500')
		.option('--fail-on <which>', 'which requests --fail-rate applies to: all, reads, writes')
		.option('--page-size <n>', 'list page size (default 10)')
		.option('--enable-duplicate-slugs', 'allow two APIs with the same listen path and domain')
		.option('--legacy-reset-api-id', 'generate a new api_id on Classic create, like old Dashboards')
		.option('--legacy-policy-paths', 'accept only the DB _id in policy paths, like Dashboards before 5.12')
		.option('--gateway-base <url>', 'Gateway URL put in front of OAS servers (default http://localhost:8080)')
		.option('--org-id <id>', 'organisation id of stored objects')
		.action(async (raw: RawOptions) => run(raw));
}
