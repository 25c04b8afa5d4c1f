import {useMemo, useState} from 'react';
import {unfold, type DiffModel, type DiffRow} from '../../../core/diff-rows.js';
import type {CommandHandlers} from '../../hooks/use-keys.js';
import {useTextInput} from '../../hooks/use-text-input.js';
import type {DiffViewAction} from '../../state/diff-view.js';
import {findMatches, matchFrom, noSearch, stepMatch, type DiffSearch} from '../../state/diff-search.js';

/** The searchable text of each row: both sides' lines (a fold row has none). */
export function rowTexts(rows: readonly DiffRow[]): string[] {
	return rows.map((row) => (row.type === 'fold' ? '' : `${row.left?.text ?? ''}\n${row.right?.text ?? ''}`));
}

/** What the search needs of the Diff screen. */
export interface DiffSearchOptions {
	/** The rows on screen (the diff, or the JSON view's lines). */
	readonly model: DiffModel;
	/** The folded diff, when folding is on and the diff (not the JSON view) is shown: matches may hide in its folds. */
	readonly folded?: DiffModel;
	readonly top: number;
	readonly isActive: boolean;
	readonly dispatch: (action: DiffViewAction) => void;
	readonly say: (message: string) => void;
}

/** The search state, its matches, and the handlers the Diff screen merges into its own. */
export interface DiffSearchControl {
	readonly search: DiffSearch;
	readonly matches: readonly number[];
	/** The row of the current match, if a search is active and has one. */
	readonly current?: number;
	/** `search` opens the field; `back` clears an active search (the first Esc), else declines. */
	readonly handlers: CommandHandlers;
	/** Goes to the next or previous match; false without an active search (n/N then mean changes). */
	step(direction: 'next' | 'previous'): boolean;
}

/**
 * `/` on the Diff screen: a field in the footer while typing, Enter searches (unfolding when matches hide in folded
 * runs), n/N go over the matches while a search is active, Esc clears it so n/N mean changes again.
 */
export function useDiffSearch({model, folded, top, isActive, dispatch, say}: DiffSearchOptions): DiffSearchControl {
	const [search, setSearch] = useState<DiffSearch>(noSearch);
	// Row texts are gathered only while a search is active: a 20,000-line diff pays nothing for it otherwise.
	const matches = useMemo(() => (search.query === '' ? [] : findMatches(rowTexts(model.rows), search.query)), [model, search.query]);
	const current = search.query !== '' && search.current >= 0 && search.current < matches.length ? search.current : -1;
	const moveMatch = (direction: 'next' | 'previous') => {
		const index = stepMatch(matches.length, current, direction);
		setSearch((s) => ({...s, current: index}));
		if (index < 0) return void say(`No match for "${search.query}" · Esc clears the search`);
		dispatch({type: 'show', row: matches[index]!});
		say(`match ${index + 1}/${matches.length} "${search.query}" · n/N next/previous match · Esc clears`);
	};
	const searching = search.query !== '';
	const handlers: CommandHandlers = {
		search: () => {
			setSearch((s) => ({...s, editing: true, draft: ''}));
			say('Search: type, Enter searches, Esc cancels');
		},
		back: () => {
			if (!searching) return false;
			setSearch(noSearch);
			say('Search cleared: n/N go over changes again');
			return true;
		},
	};
	useTextInput({
		onText: (text) => setSearch((s) => ({...s, draft: s.draft + text})),
		onBackspace: () => setSearch((s) => ({...s, draft: [...s.draft].slice(0, -1).join('')})),
		onEscape: () => {
			setSearch((s) => ({...s, editing: false, draft: s.query}));
			say(searching ? `Search "${search.query}" kept · Esc clears it` : 'Search cancelled');
		},
		onEnter: () => {
			const query = search.draft;
			if (query.trim() === '') {
				setSearch(noSearch);
				return void say('Search cleared');
			}
			// Matches inside folded runs would be out of reach: unfold when the whole document has more of them.
			const found = findMatches(rowTexts(model.rows), query);
			const whole = folded ? unfold(folded) : undefined;
			const all = whole ? findMatches(rowTexts(whole.rows), query) : found;
			const unfolded = all.length > found.length;
			const rows = unfolded ? all : found;
			const index = matchFrom(rows, unfolded ? 0 : top, 'next');
			setSearch({draft: query, editing: false, query, current: index});
			if (unfolded) dispatch({type: 'toggle', what: 'fold'});
			if (index < 0) return void say(`No match for "${query}" · / searches again, Esc clears`);
			dispatch({type: 'show', row: rows[index]!, rows: unfolded ? whole?.rows.length : undefined});
			say(`match ${index + 1}/${rows.length} "${query}"${unfolded ? ' (unfolded to reach every match)' : ''} · n/N next/previous match · Esc clears`);
		},
	}, {isActive: isActive && search.editing});
	const step = (direction: 'next' | 'previous') => {
		if (!searching) return false;
		moveMatch(direction);
		return true;
	};
	return {search: {...search, current}, matches, current: current >= 0 ? matches[current] : undefined, handlers, step};
}
