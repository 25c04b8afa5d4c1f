import {useMemo} from 'react';
import {Text} from 'ink';
import type {Comparison} from '../../../core/status.js';
import type {ItemsFilter, KindTab} from '../../state/filter.js';
import {kindTabs} from '../../state/filter.js';
import type {Theme} from '../../theme.js';

const tabLabels: Record<KindTab, string> = {all: 'All', api: 'APIs', policy: 'Policies', template: 'Templates'};

/** Props of <ItemsHeader/>. */
export interface ItemsHeaderProps {
	readonly comparisons: readonly Comparison[];
	readonly filter: ItemsFilter;
	readonly editing: boolean;
	readonly theme: Theme;
}

/** Kind tabs with counts, the status filter and the text filter, so the user always sees why rows are missing. */
export function ItemsHeader({comparisons, filter, editing, theme}: ItemsHeaderProps) {
	const counts = useMemo(() => {
		const out: Record<KindTab, number> = {all: comparisons.length, api: 0, policy: 0, template: 0};
		for (const c of comparisons) if (c.kind) out[c.kind]++;
		return out;
	}, [comparisons]);
	const count = (tab: KindTab) => counts[tab];
	return (
		<Text wrap="truncate">
			{kindTabs.map((tab, i) => (
				<Text key={tab}>
					<Text {...(filter.tab === tab ? theme.ui.tabActive : theme.ui.tabInactive)}>{` ${i + 1} ${tabLabels[tab]} ${count(tab)} `}</Text>{' '}
				</Text>
			))}
			<Text {...theme.ui.muted}> status </Text><Text {...theme.ui.key}>{filter.status}</Text>
			<Text {...theme.ui.muted}> filter </Text>
			{editing
				? <Text {...theme.ui.key}>/{filter.text}█</Text>
				: <Text>{filter.text === '' ? <Text {...theme.ui.muted}>(none, /)</Text> : `/${filter.text}`}</Text>}
		</Text>
	);
}
