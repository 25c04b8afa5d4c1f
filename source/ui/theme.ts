/** One styling decision, expressed as Ink `<Text>` props, so components never pick raw colours themselves. */
export interface Style {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
	readonly underline?: boolean;
}

/**
 * Semantic colour tokens. Components ask for "a changed status" or "a protected environment", never for "yellow", so the
 * palette (and the no-colour mode) is decided in one place.
 */
export interface Theme {
	readonly color: boolean;
	readonly status: {
		readonly unchanged: Style;
		readonly changed: Style;
		readonly 'only-in-git': Style;
		readonly 'only-live': Style;
		readonly invalid: Style;
		readonly conflict: Style;
	};
	readonly env: {readonly protected: Style; readonly readOnly: Style; readonly normal: Style};
	readonly reach: {readonly ok: Style; readonly failed: Style; readonly loading: Style};
	readonly diff: {
		readonly removedLine: Style;
		readonly addedLine: Style;
		readonly removedWord: Style;
		readonly addedWord: Style;
		readonly gutter: Style;
		readonly fold: Style;
		readonly empty: Style;
	};
	readonly action: {readonly create: Style; readonly update: Style; readonly delete: Style; readonly skip: Style};
	readonly result: {readonly applied: Style; readonly skipped: Style; readonly failed: Style};
	readonly ui: {
		readonly title: Style;
		readonly cursor: Style;
		readonly marked: Style;
		readonly muted: Style;
		readonly key: Style;
		readonly message: Style;
		readonly error: Style;
		readonly tabActive: Style;
		readonly tabInactive: Style;
		readonly barEmpty: Style;
		readonly barDone: Style;
	};
}

/** How many colours the terminal shows: Ink's colour level (16 colours, 256, or 24-bit). */
export type ColorDepth = 16 | 256 | 'truecolor';
/** The terminal's background, which the diff tints must stay readable on. */
export type Background = 'dark' | 'light';

/** What the palette is picked for; the default is the best case (a dark 24-bit terminal). */
export interface Palette {
	readonly depth: ColorDepth;
	readonly background: Background;
}

/** A dark 24-bit terminal. */
export const defaultPalette: Palette = {depth: 'truecolor', background: 'dark'};

/**
 * Ink's colour level (chalk: 1 = 16 colours, 2 = 256, 3 = 24-bit) as a depth. Picking tints for the level Ink will
 * actually emit matters: Ink turns a 24-bit colour into the nearest 256-palette entry, and the nearest entries of
 * dark tints are greys, so a diff's red and green would both become grey.
 */
export function depthOf(level: number): ColorDepth {
	if (level >= 3) return 'truecolor';
	return level === 2 ? 256 : 16;
}

/**
 * The background a `theme` setting means: `auto` reads `COLORFGBG` ("15;0", foreground;background, set by rxvt,
 * Konsole, iTerm2 and others) and takes 7 and 9–15 (the light entries of the 16-colour palette) as light; without it,
 * dark, the common case.
 */
export function backgroundFor(setting: Background | 'auto', env: Readonly<Record<string, string | undefined>>): Background {
	if (setting !== 'auto') return setting;
	const last = env['COLORFGBG']?.split(';').at(-1)?.trim();
	if (last === undefined || !/^\d+$/.test(last)) return 'dark';
	const value = Number(last);
	return value === 7 || (value >= 9 && value <= 15) ? 'light' : 'dark';
}

type DiffTints = Pick<Theme['diff'], 'removedLine' | 'addedLine' | 'removedWord' | 'addedWord'>;

/**
 * Diff tints per background and depth, each keeping its hue: red for removed, green for added. 256 colours use palette
 * entries chosen by hue (52/22 dark red/green, 224/194 pale red/green); 16 colours colour the text of changed lines
 * and put the changed words on a red or green background, as `git diff --color-words` does.
 */
const tints: Record<Background, Record<ColorDepth, DiffTints>> = {
	dark: {
		truecolor: {
			removedLine: {backgroundColor: '#3f1a1d'}, addedLine: {backgroundColor: '#17351f'},
			removedWord: {backgroundColor: '#a1262f', bold: true}, addedWord: {backgroundColor: '#20803a', bold: true},
		},
		256: {
			removedLine: {backgroundColor: 'ansi256(52)'}, addedLine: {backgroundColor: 'ansi256(22)'},
			removedWord: {backgroundColor: 'ansi256(124)', bold: true}, addedWord: {backgroundColor: 'ansi256(28)', bold: true},
		},
		16: {
			removedLine: {color: 'red'}, addedLine: {color: 'green'},
			removedWord: {backgroundColor: 'red', color: 'black', bold: true}, addedWord: {backgroundColor: 'green', color: 'black', bold: true},
		},
	},
	light: {
		truecolor: {
			removedLine: {backgroundColor: '#ffe0e0'}, addedLine: {backgroundColor: '#d8f8d8'},
			removedWord: {backgroundColor: '#ffb0b0', bold: true}, addedWord: {backgroundColor: '#9be79b', bold: true},
		},
		256: {
			removedLine: {backgroundColor: 'ansi256(224)'}, addedLine: {backgroundColor: 'ansi256(194)'},
			removedWord: {backgroundColor: 'ansi256(217)', bold: true}, addedWord: {backgroundColor: 'ansi256(157)', bold: true},
		},
		16: {
			removedLine: {color: 'red'}, addedLine: {color: 'green'},
			removedWord: {backgroundColor: 'red', color: 'white', bold: true}, addedWord: {backgroundColor: 'green', color: 'white', bold: true},
		},
	},
};

const colourful: Theme = {
	color: true,
	status: {
		unchanged: {color: 'gray'},
		changed: {color: 'yellow'},
		'only-in-git': {color: 'green'},
		'only-live': {color: 'cyan'},
		invalid: {color: 'red', bold: true},
		conflict: {color: 'magenta', bold: true},
	},
	env: {protected: {color: 'red', bold: true}, readOnly: {color: 'blue'}, normal: {}},
	reach: {ok: {color: 'green'}, failed: {color: 'red'}, loading: {color: 'yellow'}},
	diff: {
		removedLine: {backgroundColor: '#3f1a1d'},
		addedLine: {backgroundColor: '#17351f'},
		removedWord: {backgroundColor: '#a1262f', bold: true},
		addedWord: {backgroundColor: '#20803a', bold: true},
		gutter: {color: 'gray'},
		fold: {color: 'cyan', dimColor: true},
		empty: {color: 'gray', dimColor: true},
	},
	action: {create: {color: 'green'}, update: {color: 'yellow'}, delete: {color: 'red', bold: true}, skip: {color: 'gray'}},
	result: {applied: {color: 'green'}, skipped: {color: 'gray'}, failed: {color: 'red', bold: true}},
	ui: {
		title: {bold: true},
		cursor: {inverse: true},
		marked: {color: 'magenta', bold: true},
		muted: {color: 'gray'},
		key: {color: 'cyan', bold: true},
		message: {color: 'white'},
		error: {color: 'red'},
		tabActive: {inverse: true, bold: true},
		tabInactive: {color: 'gray'},
		barEmpty: {color: 'gray'},
		barDone: {color: 'green'},
	},
};

/** Strips colours but keeps emphasis (bold, inverse, underline): NO_COLOR is about colour, not about structure. */
function withoutColour<T>(value: T): T {
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		if (key === 'color' && typeof inner === 'string') continue;
		if (key === 'backgroundColor') continue;
		out[key] = withoutColour(inner);
	}
	return out as T;
}

const plain: Theme = {
	...withoutColour(colourful),
	color: false,
	diff: {
		...withoutColour(colourful.diff),
		removedWord: {inverse: true},
		addedWord: {inverse: true},
	},
};

const themes = new Map<string, Theme>();

/**
 * Yellow and cyan text are hard to read on a white background; where the terminal has a palette, a light theme
 * uses their dark variants (dark goldenrod 136, dark cyan 30), keeping the hue. At 16 colours the terminal's own
 * light scheme decides what "yellow" looks like.
 */
function lightText(theme: Theme, depth: ColorDepth): Theme {
	const ui = {...theme.ui, message: {}};
	if (depth === 16) return {...theme, ui};
	const yellow = 'ansi256(136)';
	const cyan = 'ansi256(30)';
	return {
		...theme,
		status: {...theme.status, changed: {color: yellow}, 'only-live': {color: cyan}},
		reach: {...theme.reach, loading: {color: yellow}},
		action: {...theme.action, update: {color: yellow}},
		diff: {...theme.diff, fold: {color: cyan}},
		ui: {...ui, key: {color: cyan, bold: true}},
	};
}

/**
 * The theme for a terminal: colourful unless the user asked for no colour (NO_COLOR, --no-color wins over any
 * palette), with diff tints for its depth and background. A light background also gets the default foreground for
 * messages (white would vanish) and dark yellow and cyan (see lightText). Themes are cached, so a component memoised on the theme sees one object per palette.
 */
export function makeTheme(color: boolean, palette: Palette = defaultPalette): Theme {
	if (!color) return plain;
	const id = `${palette.background}/${palette.depth}`;
	let theme = themes.get(id);
	if (!theme) {
		const tinted = {...colourful, diff: {...colourful.diff, ...tints[palette.background][palette.depth]}};
		theme = palette.background === 'light' ? lightText(tinted, palette.depth) : tinted;
		themes.set(id, theme);
	}
	return theme;
}
