import {bindings, type ScreenName} from './keys.js';

const screenTitles: Record<ScreenName, string> = {
	global: 'Everywhere', environments: 'Environments', items: 'Items', diff: 'Diff', plan: 'Plan', progress: 'Progress', history: 'History',
};

const keyNames: Record<string, string> = {
	up: '↑', down: '↓', pgup: 'PgUp', pgdn: 'PgDn', home: 'Home', end: 'End', enter: 'Enter', esc: 'Esc', space: 'Space', tab: 'Tab',
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
	const order: ScreenName[] = ['global', 'environments', 'items', 'diff', 'plan', 'progress', 'history'];
	const lines = ['| Screen | Keys | Does |', '|---|---|---|'];
	for (const screen of order) {
		for (const binding of bindings.filter((b) => b.screens.includes(screen))) {
			const keys = binding.keys.map((key) => `\`${displayKey(key)}\``).join(' ');
			lines.push(`| ${screenTitles[screen]} | ${keys} | ${binding.description} |`);
		}
	}
	return lines.join('\n');
}
