import type {Key} from 'ink';

/**
 * Where a binding applies; `global` bindings work on every screen unless a text field has the focus. `compare` is the
 * Items screen of a comparison (one environment's live against another's): there `p` migrates and `d` does not apply.
 */
export type ScreenName = 'global' | 'environments' | 'items' | 'compare' | 'diff' | 'plan' | 'progress' | 'history' | 'operations';

/** Everything the user can ask for with a key; screens switch on these names, never on letters. */
export type Command =
	| 'help' | 'back' | 'quit'
	| 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'
	| 'open' | 'refresh' | 'compare'
	| 'tabAll' | 'tabApis' | 'tabPolicies' | 'tabTemplates' | 'nextTab'
	| 'filter' | 'statusFilter' | 'originFilter' | 'sort' | 'mark' | 'markAll' | 'clearMarks'
	| 'dump' | 'publish' | 'history' | 'undo' | 'operations'
	| 'fold' | 'hidden' | 'swap' | 'wrap' | 'nextChange' | 'prevChange' | 'basePair'
	| 'confirm' | 'rollback' | 'savePlan' | 'dependencies'
	| 'palette' | 'search' | 'scrollLeft' | 'scrollRight' | 'rawView' | 'pager' | 'editor' | 'copyId' | 'copyPath';

/** One row of the registry: the single source for dispatch, status-bar hints, the `?` overlay and the readme table. */
export interface Binding {
	readonly command: Command;
	/** Key names as `keyName` produces them: a character, or up/down/pgup/pgdn/home/end/enter/esc/space/tab. */
	readonly keys: readonly string[];
	readonly description: string;
	readonly screens: readonly ScreenName[];
	/** Shown in the status bar (the overlay shows every binding). */
	readonly hint?: boolean;
	/**
	 * The status bar's wording when the description is long: the bar has one line, and the keys that act (publish,
	 * dump, history, undo) must fit in it at common widths rather than be cut after a long filter description.
	 */
	readonly short?: string;
	/** Hinted before the screen's other keys: what the screen is for (open, mark, publish...) outlasts narrowing. */
	readonly primary?: boolean;
}

const lists: ScreenName[] = ['environments', 'items', 'compare', 'plan', 'progress', 'history', 'operations'];

/** The key-binding registry. Order matters only for display. */
export const bindings: readonly Binding[] = [
	{command: 'open', keys: ['enter'], description: 'open', screens: ['environments', 'items', 'compare', 'history'], hint: true, primary: true},
	{command: 'open', keys: ['enter'], description: 'diff of step', screens: ['plan'], hint: true},
	{command: 'compare', keys: ['c'], description: 'compare with another environment', screens: ['environments'], hint: true, short: 'compare'},
	{command: 'refresh', keys: ['r'], description: 'refresh', screens: ['environments'], hint: true},
	{command: 'refresh', keys: ['R'], description: 'reload from the sources', screens: ['items', 'compare']},
	{command: 'tabAll', keys: ['1'], description: 'all kinds', screens: ['items', 'compare']},
	{command: 'tabApis', keys: ['2'], description: 'APIs', screens: ['items', 'compare']},
	{command: 'tabPolicies', keys: ['3'], description: 'policies', screens: ['items', 'compare']},
	{command: 'tabTemplates', keys: ['4'], description: 'templates', screens: ['items', 'compare']},
	{command: 'nextTab', keys: ['tab'], description: 'next kind tab', screens: ['items', 'compare'], hint: true, short: 'kinds'},
	{command: 'filter', keys: ['/'], description: 'filter by name, ID, category, listen path', screens: ['items', 'compare'], hint: true, short: 'filter'},
	{command: 'statusFilter', keys: ['f'], description: 'cycle status filter', screens: ['items', 'compare'], hint: true, short: 'status'},
	{command: 'originFilter', keys: ['o'], description: 'cycle origin filter: any, git, live, both, unknown', screens: ['items']},
	{command: 'sort', keys: ['s'], description: 'cycle the order: kind, name, status', screens: ['items', 'compare']},
	{command: 'mark', keys: ['space'], description: 'mark / unmark', screens: ['items', 'compare'], hint: true, short: 'mark', primary: true},
	{command: 'markAll', keys: ['a'], description: 'mark all visible', screens: ['items', 'compare']},
	{command: 'clearMarks', keys: ['A'], description: 'clear marks', screens: ['items', 'compare']},
	{command: 'dump', keys: ['d'], description: 'dump live → Git', screens: ['items'], hint: true, short: 'dump', primary: true},
	// Bound in a comparison too, so `d` says why it does not apply there instead of doing nothing.
	{command: 'dump', keys: ['d'], description: 'dump: says why it works on one environment only', screens: ['compare']},
	{command: 'publish', keys: ['p'], description: 'publish to live', screens: ['items'], hint: true, primary: true},
	{command: 'publish', keys: ['p'], description: 'migrate: publish the left environment\'s live items to the right one', screens: ['compare'], hint: true, short: 'migrate', primary: true},
	{command: 'history', keys: ['b'], description: 'history / roll back', screens: ['items', 'compare'], hint: true, short: 'history', primary: true},
	{command: 'undo', keys: ['u'], description: 'undo last operation', screens: ['items', 'compare'], hint: true, short: 'undo', primary: true},
	{command: 'undo', keys: ['u'], description: 'undo this operation', screens: ['progress'], hint: true, short: 'undo'},
	{command: 'search', keys: ['/'], description: 'search (Enter searches; Esc clears the search)', screens: ['diff'], hint: true, short: 'search'},
	{command: 'nextChange', keys: ['n'], description: 'next change; next match while a search is active', screens: ['diff'], hint: true, short: 'next change/match'},
	{command: 'prevChange', keys: ['N'], description: 'previous change; previous match while a search is active', screens: ['diff'], hint: true, short: 'previous'},
	{command: 'fold', keys: ['z'], description: 'fold / unfold unchanged lines', screens: ['diff'], hint: true, short: 'fold'},
	{command: 'hidden', keys: ['i'], description: 'show / hide server-managed fields', screens: ['diff'], hint: true, short: 'hidden fields'},
	{command: 'swap', keys: ['s'], description: 'swap sides', screens: ['diff'], hint: true, short: 'swap'},
	{command: 'basePair', keys: ['b'], description: 'cycle the pair shown: Git ↔ live, base ↔ Git, base ↔ live', screens: ['diff'], hint: true, short: 'base'},
	{command: 'wrap', keys: ['w'], description: 'wrap long lines', screens: ['diff'], hint: true, short: 'wrap'},
	{command: 'scrollLeft', keys: ['left', 'h'], description: 'scroll left (wrap off)', screens: ['diff']},
	{command: 'scrollRight', keys: ['right', 'l'], description: 'scroll right (wrap off)', screens: ['diff']},
	{command: 'rawView', keys: ['v'], description: 'JSON view of one side (s: other side, i: raw document) / back to the diff', screens: ['diff'], hint: true, short: 'json'},
	{command: 'pager', keys: ['o'], description: 'open that side in $PAGER (secrets masked)', screens: ['diff'], hint: true, short: 'pager'},
	{command: 'editor', keys: ['e'], description: 'open that side in $EDITOR as a read-only temp copy', screens: ['diff']},
	{command: 'copyId', keys: ['y'], description: 'copy the item ID (OSC 52 clipboard)', screens: ['diff'], hint: true, short: 'copy ID'},
	{command: 'copyPath', keys: ['Y'], description: 'copy the field path of the line in focus (match, first change on screen, top)', screens: ['diff']},
	{command: 'confirm', keys: ['y'], description: 'confirm and apply', screens: ['plan'], hint: true, short: 'apply'},
	{command: 'savePlan', keys: ['w'], description: 'save the plan to a file (tyk-console apply FILE applies it as shown)', screens: ['plan'], hint: true, short: 'save'},
	{command: 'dependencies', keys: ['D'], description: 'add the APIs blocked policies grant, from the same source (--with-dependencies)', screens: ['plan'], hint: true, short: 'add APIs'},
	{command: 'rollback', keys: ['r'], description: 'roll live back to this version', screens: ['history'], hint: true, short: 'roll back'},
	{command: 'operations', keys: ['@'], description: 'operations log of this environment', screens: ['global']},
	{command: 'open', keys: ['enter'], description: 'steps of the operation', screens: ['operations'], hint: true, short: 'steps', primary: true},
	{command: 'undo', keys: ['u'], description: 'undo the operation (through the plan)', screens: ['operations'], hint: true, short: 'undo', primary: true},
	{command: 'up', keys: ['up', 'k'], description: 'up', screens: [...lists, 'diff']},
	{command: 'down', keys: ['down', 'j'], description: 'down', screens: [...lists, 'diff']},
	{command: 'pageUp', keys: ['pgup', 'ctrl-b'], description: 'page up', screens: [...lists, 'diff']},
	{command: 'pageDown', keys: ['pgdn', 'ctrl-f'], description: 'page down', screens: [...lists, 'diff']},
	{command: 'top', keys: ['g', 'home'], description: 'first line', screens: [...lists, 'diff']},
	{command: 'bottom', keys: ['G', 'end'], description: 'last line', screens: [...lists, 'diff']},
	{command: 'help', keys: ['?'], description: 'help', screens: ['global'], hint: true},
	{command: 'palette', keys: [':'], description: 'command palette: every command here, environments, kinds', screens: ['global'], hint: true, short: 'palette'},
	{command: 'back', keys: ['esc'], description: 'back / cancel', screens: ['global'], hint: true, short: 'back'},
	{command: 'quit', keys: ['q'], description: 'back; quit from the top', screens: ['global'], hint: true, short: 'back/quit'},
];

/** Turns Ink's (input, key) pair into one key name, so the registry can be plain strings. */
export function keyName(input: string, key: Key): string | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pgup';
	if (key.pageDown) return 'pgdn';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (input === ' ') return 'space';
	if (key.ctrl && input.length === 1) return `ctrl-${input}`;
	if (input.length === 1) return input;
	return undefined;
}

/** The command a key means on a screen: the screen's own bindings win over global ones. */
export function commandFor(screen: ScreenName, name: string | undefined): Command | undefined {
	if (name === undefined) return undefined;
	const own = bindings.find((b) => b.screens.includes(screen) && b.keys.includes(name));
	if (own) return own.command;
	return bindings.find((b) => b.screens.includes('global') && b.keys.includes(name))?.command;
}

/** Bindings that apply on a screen, the screen's first, for the `?` overlay and the hints. */
export function bindingsFor(screen: ScreenName): Binding[] {
	return [
		...bindings.filter((b) => b.screens.includes(screen)),
		...bindings.filter((b) => b.screens.includes('global')),
	];
}

/** One status-bar hint: the keys and what they do. */
export interface Hint {
	readonly keys: string;
	readonly description: string;
}

/**
 * Short "key description" pairs for the status bar (`except` leaves out commands the screen cannot do right now): Esc and ? first (how to get out, how to learn more), then the
 * screen's primary keys, its other keys, then the rest of the global ones; a narrow terminal drops hints from the end.
 */
export function hintsFor(screen: ScreenName, except: readonly Command[] = []): Hint[] {
	const first: Command[] = ['back', 'help'];
	const global = bindings.filter((b) => b.screens.includes('global') && b.hint && !except.includes(b.command));
	const own = bindings.filter((b) => b.screens.includes(screen) && b.hint && !except.includes(b.command));
	return [
		...global.filter((b) => first.includes(b.command)),
		...own.filter((b) => b.primary),
		...own.filter((b) => !b.primary),
		...global.filter((b) => !first.includes(b.command)),
	].map((b) => ({keys: b.keys.join('/'), description: b.short ?? b.description}));
}
