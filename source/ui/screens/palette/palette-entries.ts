import type {EnvironmentInfo} from '../../../engine/services.js';
import {bindingsFor, type ScreenName} from '../../keys.js';
import {displayKey} from '../../keys-table.js';

/** What choosing an entry does. */
export type PaletteAction =
	/** Runs a registry command on the current screen, exactly as its key would (the key is typed for the user). */
	| {readonly type: 'key'; readonly key: string}
	/** Opens an environment's Items screen, from anywhere. */
	| {readonly type: 'environment'; readonly environment: string}
	/** Back to the Environments screen. */
	| {readonly type: 'environments'}
	/** The current environment's Items screen on one kind tab (`key` is the tab's key). */
	| {readonly type: 'kind'; readonly key: string};

/** One row of the palette. */
export interface PaletteEntry {
	/** What the row says: the command's description, "go to prod", "show APIs". */
	readonly label: string;
	/** The key that does the same directly, or what kind of entry it is. */
	readonly detail: string;
	readonly action: PaletteAction;
}

const kinds: readonly {readonly label: string; readonly key: string}[] = [
	{label: 'all kinds', key: '1'}, {label: 'APIs', key: '2'}, {label: 'policies', key: '3'}, {label: 'templates', key: '4'},
];

/**
 * Every entry of the palette on a screen: the registry's commands that act there (each once, with its key, so the
 * palette also teaches the keys), then every environment, the Environments screen and every item kind. Built from the
 * registry and the config, so a new binding or environment appears without touching the palette.
 */
export function paletteEntries(screen: ScreenName, environments: readonly EnvironmentInfo[]): PaletteEntry[] {
	const commands: PaletteEntry[] = [];
	const seen = new Set<string>();
	for (const binding of bindingsFor(screen)) {
		const id = `${binding.command}:${binding.description}`;
		if (binding.command === 'palette' || seen.has(id)) continue;
		seen.add(id);
		commands.push({label: binding.description, detail: binding.keys.map(displayKey).join(' '), action: {type: 'key', key: binding.keys[0]!}});
	}
	const places: PaletteEntry[] = [
		...environments.map((env): PaletteEntry => ({
			label: `go to ${env.name}`,
			detail: `environment${env.protected ? ', protected' : ''}${env.readOnly ? ', read-only' : ''}`,
			action: {type: 'environment', environment: env.name},
		})),
		{label: 'go to the Environments screen', detail: 'screen', action: {type: 'environments'}},
	];
	const kindEntries = kinds.map((kind): PaletteEntry => ({label: `show ${kind.label}`, detail: `kind (${kind.key})`, action: {type: 'kind', key: kind.key}}));
	return [...commands, ...places, ...kindEntries];
}

/** Entries whose label or detail contains every word typed, case-insensitively, in their order. */
export function filterEntries(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...entries];
	return entries.filter((entry) => {
		const text = `${entry.label} ${entry.detail}`.toLowerCase();
		return words.every((word) => text.includes(word));
	});
}
