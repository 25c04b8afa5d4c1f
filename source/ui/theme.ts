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

/** The theme for a terminal: colourful unless the user asked for no colour (NO_COLOR, --no-color). */
export function makeTheme(color: boolean): Theme {
	return color ? colourful : plain;
}
