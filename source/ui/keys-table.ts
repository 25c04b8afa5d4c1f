import {bindings, type ScreenName} from './keys.js';

const screenTitles: Record<ScreenName, string> = {
	global: 'Everywhere', environments: 'Environments', items: 'Items', compare: 'Comparison', diff: 'Diff', plan: 'Plan', progress: 'Progress', history: 'History', operations: 'Operations',
};

const keyNames: Record<string, string> = {
	up: '↑', down: '↓', left: '←', right: '→', pgup: 'PgUp', pgdn: 'PgDn', home: 'Home', end: 'End', enter: 'Enter', esc: 'Esc', space: 'Space', tab: 'Tab',
};

/** Readable key names for documentation (`up` → `↑`, `enter` → `Enter`). */
export function displayKey(key: string): string {
	return keyNames[key] ?? key;
}

/**
 * The readme's key table, generated from the binding registry so the documentation and the console cannot
 * disagree (a test compares it with the readme; `npm run readme:keys` prints it).
 */
export function keysMarkdown(): string {
	const lines = ['| Keys | Does | Where |', '|---|---|---|'];
	for (const binding of bindings) {
		const keys = binding.keys.map((key) => `\`${displayKey(key)}\``).join(' ');
		const where = binding.screens.map((screen) => screenTitles[screen]).join(', ');
		lines.push(`| ${keys} | ${binding.description} | ${where} |`);
	}
	return lines.join('\n');
}
