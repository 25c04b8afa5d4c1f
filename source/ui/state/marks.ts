/** Marks are comparison keys; a Set keeps "mark all visible" and lookups cheap with thousands of items. */
export type Marks = ReadonlySet<string>;

/** Mark keys as reducer actions. */
export type MarksAction =
	| {readonly type: 'toggle'; readonly key: string}
	| {readonly type: 'markAll'; readonly keys: readonly string[]}
	| {readonly type: 'unmark'; readonly keys: readonly string[]}
	| {readonly type: 'clear'};

/** Pure marks reducer; never mutates the previous set, so React sees every change. */
export function marksReducer(marks: Marks, action: MarksAction): Marks {
	switch (action.type) {
		case 'toggle': {
			const next = new Set(marks);
			if (next.has(action.key)) next.delete(action.key);
			else next.add(action.key);
			return next;
		}
		case 'markAll': {
			const next = new Set(marks);
			for (const key of action.keys) next.add(key);
			return next;
		}
		case 'unmark': {
			if (!action.keys.some((key) => marks.has(key))) return marks;
			const next = new Set(marks);
			for (const key of action.keys) next.delete(key);
			return next;
		}
		case 'clear':
			return marks.size === 0 ? marks : new Set();
	}
}

/**
 * Keys an action applies to: the marked ones that still exist, or else the one under the cursor. Marks on rows that a
 * reload removed are dropped, so a plan never names a vanished item.
 */
export function actionKeys(marks: Marks, existing: readonly string[], cursorKey: string | undefined): string[] {
	const present = existing.filter((key) => marks.has(key));
	if (present.length > 0) return present;
	return cursorKey === undefined ? [] : [cursorKey];
}
