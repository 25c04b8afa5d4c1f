import {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useUi} from '../../context.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import {EnvironmentRow} from './environment-row.js';
import {Age} from '../../components/age.js';

/** Props of <EnvironmentsScreen/>. */
export interface EnvironmentsScreenProps {
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

const rowHeight = 2;

/**
 * The top screen: every environment loads in the background on mount, each on its own, so one unreachable Dashboard
 * shows its reason while the others fill in. `c` starts picking a second environment for a comparison.
 */
export function EnvironmentsScreen({width, height, isActive}: EnvironmentsScreenProps) {
	const ui = useUi();
	const {environments, views, theme} = ui;
	const [list, setList] = useState(initialList);
	const [base, setBase] = useState<string | undefined>();
	useEffect(() => {
		for (const env of environments) views.load(env.name);
	}, [environments]);
	const viewport = Math.max(1, Math.floor((height - 2) / rowHeight));
	const bounds = {count: environments.length, viewport};
	const shown = clampList(list, bounds);
	const current = environments[shown.cursor];
	useKeys('environments', {
		...moveHandlers((move) => setList((s) => moveList(s, move, bounds))),
		open: () => {
			if (!current) return;
			if (base === undefined) {
				ui.navigate({type: 'push', route: {type: 'items', environment: current.name}});
				return;
			}
			if (current.name === base) {
				ui.say(`Pick an environment other than ${base} to compare with`);
				return;
			}
			setBase(undefined);
			ui.navigate({type: 'push', route: {type: 'items', environment: current.name, base}});
		},
		compare: () => {
			if (!current) return;
			if (environments.length < 2) {
				ui.say('Comparing needs at least two environments');
				return;
			}
			setBase(current.name);
			ui.say(`Comparing ${current.name}: pick the second environment and press Enter (Esc cancels)`);
		},
		refresh: () => {
			for (const env of environments) views.load(env.name, {force: true});
			ui.say('Refreshing every environment');
		},
		back: () => {
			if (base === undefined) return false;
			setBase(undefined);
			ui.say('Comparison cancelled');
			return true;
		},
	}, {isActive});
	const rows = environments.slice(shown.offset, shown.offset + viewport);
	// The oldest data on the screen decides how fresh it is.
	const times = environments.map((env) => views.loadedAt(env.name)).filter((at) => at !== undefined);
	const oldest = times.length === 0 ? undefined : Math.min(...times);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.ui.title} wrap="truncate">
				{base === undefined
					? `${environments.length} environment${environments.length === 1 ? '' : 's'}`
					: `Compare ${base} with…  (pick the second environment, Enter; Esc cancels)`}
				{base === undefined ? <Age at={oldest} prefix=" · loaded" style={theme.ui.muted} /> : null}
			</Text>
			<Text {...theme.ui.muted} wrap="truncate">
				{'  '}name / reachability / counts / drift: <Text {...theme.status.unchanged}>= unchanged</Text> <Text {...theme.status.changed}>~ changed</Text> <Text {...theme.status['only-in-git']}>+ only in Git</Text> <Text {...theme.status['only-live']}>- only live</Text> <Text {...theme.status.invalid}>! invalid</Text>
			</Text>
			{environments.length === 0 ? <Text {...theme.ui.error}>No environments are configured.</Text> : null}
			{rows.map((info, i) => (
				<EnvironmentRow
					key={info.name}
					info={info}
					entry={views.store[info.name]}
					selected={shown.offset + i === shown.cursor}
					picked={info.name === base}
					width={width}
					theme={theme}
				/>
			))}
		</Box>
	);
}
