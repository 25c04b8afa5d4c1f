import {existsSync} from 'node:fs';
import {
	checkKeys, child, describe, isMapping, optionalBoolean, optionalInteger, optionalMapping, optionalString,
	type Problems,
} from './check.js';
import {readGitOverride, type GitOverride} from './git-keys.js';
import {resolveUserPath} from './paths.js';
import {defaultConcurrency, defaultTimeoutMs, type SecretSource, type TlsConfig} from './types.js';
import {environmentNameRule, isEnvironmentName} from '../core/environment-name.js';

type Env = Readonly<Record<string, string | undefined>>;

/** One environment as written in the file, checked; its Git keys are merged with the defaults later. */
export interface FileEnvironment {
	readonly name: string;
	readonly dashboard: string;
	readonly secret: SecretSource;
	readonly git: GitOverride;
	readonly protected: boolean;
	readonly readOnly: boolean;
	readonly orgId?: string;
	readonly tls: TlsConfig;
	readonly concurrency: number;
	readonly timeoutMs: number;
	readonly maxResponseMB?: number;
	readonly enableDuplicateSlugs?: boolean;
}

/** Keys an environment may have; anything else is a typo and is reported with a suggestion. */
export const environmentKeys = [
	'name', 'dashboard', 'secretEnv', 'secretCommand', 'git', 'protected', 'readOnly', 'orgId', 'tls', 'concurrency',
	'timeoutMs', 'maxResponseMB', 'enableDuplicateSlugs',
] as const;

const variablePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The Dashboard base URL without a trailing slash, or a problem. Credentials in the URL are refused: they would
 * end up in logs and messages, and the key belongs in secretEnv/secretCommand.
 */
export function normalizeDashboardUrl(value: string): string | {problem: string} {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return {problem: 'must be an http(s) URL'};
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return {problem: 'must be an http(s) URL'};
	if (url.username || url.password) return {problem: 'must not contain credentials (use secretEnv or secretCommand)'};
	if (url.search || url.hash) return {problem: 'must not have a query or fragment'};
	return url.href.replace(/\/+$/, '');
}

function readSecret(problems: Problems, raw: Record<string, unknown>, keyPath: string, base: string): SecretSource | undefined {
	const variable = optionalString(problems, raw['secretEnv'], child(keyPath, 'secretEnv'));
	const command = optionalString(problems, raw['secretCommand'], child(keyPath, 'secretCommand'));
	const hasVariable = raw['secretEnv'] !== undefined && raw['secretEnv'] !== null;
	const hasCommand = raw['secretCommand'] !== undefined && raw['secretCommand'] !== null;
	if (hasVariable && hasCommand) {
		problems.add(keyPath, 'set either secretEnv or secretCommand, not both');
		return undefined;
	}
	if (!hasVariable && !hasCommand) {
		problems.add(keyPath, 'missing secretEnv or secretCommand (where the Dashboard API key comes from)');
		return undefined;
	}
	if (variable !== undefined) {
		if (variablePattern.test(variable)) return {type: 'env', variable};
		problems.add(child(keyPath, 'secretEnv'), 'must be an environment variable name (letters, digits, _)');
	}
	if (command !== undefined) return {type: 'command', command, cwd: base};
	return undefined;
}

function readTls(problems: Problems, value: unknown, keyPath: string, base: string, env: Env): TlsConfig {
	const mapping = optionalMapping(problems, value, keyPath);
	if (!mapping) return {insecure: false};
	checkKeys(problems, mapping, keyPath, ['insecure', 'ca']);
	const insecure = optionalBoolean(problems, mapping['insecure'], child(keyPath, 'insecure')) ?? false;
	const ca = optionalString(problems, mapping['ca'], child(keyPath, 'ca'));
	if (ca === undefined) return {insecure};
	const file = resolveUserPath(ca, base, env);
	if (!existsSync(file)) problems.add(child(keyPath, 'ca'), `file not found: ${file}`);
	return {insecure, ca: file};
}

/** Checks one entry of `environments`; returns undefined (with problems recorded) when it cannot be used. */
export function readEnvironment(
	problems: Problems, raw: unknown, keyPath: string, base: string, env: Env,
): FileEnvironment | undefined {
	if (!isMapping(raw)) {
		problems.add(keyPath, `must be a mapping with name, dashboard and secretEnv or secretCommand, not ${describe(raw)}`);
		return undefined;
	}
	const before = problems.list.length;
	checkKeys(problems, raw, keyPath, environmentKeys);
	const name = optionalString(problems, raw['name'], child(keyPath, 'name'));
	if (raw['name'] === undefined || raw['name'] === null) problems.add(child(keyPath, 'name'), 'is required');
	else if (name !== undefined && !isEnvironmentName(name)) {
		problems.add(child(keyPath, 'name'), `must be ${environmentNameRule}`);
	}
	const dashboardRaw = optionalString(problems, raw['dashboard'], child(keyPath, 'dashboard'));
	let dashboard: string | undefined;
	if (raw['dashboard'] === undefined || raw['dashboard'] === null) problems.add(child(keyPath, 'dashboard'), 'is required');
	else if (dashboardRaw !== undefined) {
		const normal = normalizeDashboardUrl(dashboardRaw);
		if (typeof normal === 'string') dashboard = normal;
		else problems.add(child(keyPath, 'dashboard'), normal.problem);
	}
	const secret = readSecret(problems, raw, keyPath, base);
	const git = readGitOverride(problems, raw['git'], child(keyPath, 'git'), base, env);
	const isProtected = optionalBoolean(problems, raw['protected'], child(keyPath, 'protected')) ?? false;
	const readOnly = optionalBoolean(problems, raw['readOnly'], child(keyPath, 'readOnly')) ?? false;
	const orgId = optionalString(problems, raw['orgId'], child(keyPath, 'orgId'));
	const tls = readTls(problems, raw['tls'], child(keyPath, 'tls'), base, env);
	const concurrency = optionalInteger(problems, raw['concurrency'], child(keyPath, 'concurrency'), 1, 64);
	const timeoutMs = optionalInteger(problems, raw['timeoutMs'], child(keyPath, 'timeoutMs'), 100, 600_000);
	const maxResponseMB = optionalInteger(problems, raw['maxResponseMB'], child(keyPath, 'maxResponseMB'), 1, 4096);
	const enableDuplicateSlugs = optionalBoolean(problems, raw['enableDuplicateSlugs'], child(keyPath, 'enableDuplicateSlugs'));
	if (problems.list.length > before || name === undefined || dashboard === undefined || secret === undefined) return undefined;
	return {
		name, dashboard, secret, git, protected: isProtected, readOnly, orgId, tls,
		concurrency: concurrency ?? defaultConcurrency, timeoutMs: timeoutMs ?? defaultTimeoutMs,
		...(maxResponseMB === undefined ? {} : {maxResponseMB}),
		...(enableDuplicateSlugs === undefined ? {} : {enableDuplicateSlugs}),
	};
}
