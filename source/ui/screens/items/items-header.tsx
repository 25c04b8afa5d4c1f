import {useMemo} from 'react';
import {Text} from 'ink';
import type {Comparison} from '../../../core/status.js';
import type {ItemsFilter, KindTab} from '../../state/filter.js';
import {kindTabs} from '../../state/filter.js';
import type {Theme} from '../../theme.js';
import {truncate} from '../../text.js';

const tabLabels: Record<KindTab, string> = {all: 'All', api: 'APIs', policy: 'Policies', template: 'Templates'};
/** Under 100 columns: the header line must keep the status, the order and the filter key in view. */
const shortLabels: Record<KindTab, string> = {all: 'All', api: 'APIs', policy: 'Pol', template: 'Tpl'};

/** Props of <ItemsHeader/>. */
export interface ItemsHeaderProps {
	readonly comparisons: readonly Comparison[];
	readonly filter: ItemsFilter;
	readonly editing: boolean;
	readonly width: number;
	readonly theme: Theme;
}

/**
 * Lines the header takes: the text filter gets a line of its own while it is set or typed, so it is never cut to
 * `/billi…` behind the tabs at 80 columns.
 */
export function headerLines(filter: ItemsFilter, editing: boolean): number {
	return editing || filter.text !== '' ? 2 : 1;
}

/** Kind tabs with counts, the status filter, the order and the text filter, so the user always sees why rows are missing. */
export function ItemsHeader({comparisons, filter, editing, width, theme}: ItemsHeaderProps) {
	const counts = useMemo(() => {
		const out: Record<KindTab, number> = {all: comparisons.length, api: 0, policy: 0, template: 0};
		for (const c of comparisons) if (c.kind) out[c.kind]++;
		return out;
	}, [comparisons]);
	const count = (tab: KindTab) => counts[tab];
	const own = headerLines(filter, editing) === 2;
	const narrow = width < 100;
	const labels = narrow ? shortLabels : tabLabels;
	return (
		<>
			<Text wrap="truncate">
				{kindTabs.map((tab, i) => (
					<Text key={tab}>
						<Text {...(filter.tab === tab ? theme.ui.tabActive : theme.ui.tabInactive)}>{` ${i + 1} ${labels[tab]} ${count(tab)} `}</Text>{' '}
					</Text>
				))}
				<Text {...theme.ui.muted}> status </Text><Text {...theme.ui.key}>{filter.status}</Text>
				<Text {...theme.ui.muted}> sort </Text><Text {...theme.ui.key}>{filter.sort}</Text>
				{filter.origin && filter.origin !== 'any' ? <><Text {...theme.ui.muted}> from </Text><Text {...theme.ui.key}>{filter.origin}</Text></> : null}
				{own ? null : <Text {...theme.ui.muted}>{narrow ? ' / filters' : ' filter (none, /)'}</Text>}
			</Text>
			{own
				? <Text wrap="truncate">
					<Text {...theme.ui.muted}>filter </Text>
					{/* While typing, the end of the text (where the cursor is) stays in view; the whole text fits up to a line. */}
					{editing
						? <Text {...theme.ui.key}>/{tail(filter.text, width - 9)}█</Text>
						: <Text>/{truncate(filter.text, width - 8)}</Text>}
					{editing ? <Text {...theme.ui.muted}>  Enter keeps · Esc clears</Text> : <Text {...theme.ui.muted}>  / edits</Text>}
				</Text>
				: null}
		</>
	);
}

/** The last `max` cells of a text, with `…` in front when cut. */
function tail(text: string, max: number): string {
	if ([...text].length <= max) return text;
	return `…${[...text].slice(-(max - 1)).join('')}`;
}
