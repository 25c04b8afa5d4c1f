import {Box, Text} from 'ink';
import type {EnvironmentInfo, EnvironmentView, Reachability} from '../../../engine/services.js';
import type {ViewEntry} from '../../state/views.js';
import {shownView} from '../../state/views.js';
import type {Theme} from '../../theme.js';
import {fit, truncate} from '../../text.js';
import {DriftBar} from '../../components/drift-bar.js';
import {Spinner} from '../../components/spinner.js';
import {envMarkers} from '../../components/env-badge.js';

/** Reachability as users say it (product.md §4): "auth failed", not "auth-failed". */
export const reachLabels: Readonly<Record<Reachability, string>> = {
	ok: 'ok', 'auth-failed': 'auth failed', unreachable: 'unreachable', 'tls-error': 'TLS error', error: 'error',
};

/** Props of <EnvironmentRow/>. */
export interface EnvironmentRowProps {
	readonly info: EnvironmentInfo;
	readonly entry?: ViewEntry;
	readonly selected: boolean;
	readonly picked: boolean;
	readonly width: number;
	readonly theme: Theme;
}

/** Live item counts; "—" when the Dashboard could not be listed (the engine's zeros would claim an empty Dashboard). */
function counts(view: EnvironmentView): string {
	if (view.reachability !== 'ok') return '— APIs — pol — tpl';
	return `${view.counts.api} APIs ${view.counts.policy} pol ${view.counts.template} tpl`;
}

/**
 * Instead of a drift bar when one side was not read: nothing was compared, and an empty bar would read "no drift".
 * The reason is on the row's second line.
 */
function driftUnknown(view: EnvironmentView): string | undefined {
	return view.reachability !== 'ok' || view.gitError ? '? not compared' : undefined;
}

/** A reason without the environment's own name in front ("staging: …", "environment "staging": …"): the row says it. */
function ownReason(name: string, reason: string): string {
	for (const prefix of [`environment "${name}": `, `${name}: `]) if (reason.startsWith(prefix)) return reason.slice(prefix.length);
	return reason;
}

function detail(info: EnvironmentInfo, entry: ViewEntry | undefined): string {
	const view = shownView(entry);
	const git = `git ${info.git.branch}${view?.commit ? `@${view.commit}` : ''}${info.git.dir ? ` ${info.git.dir}` : ''}`;
	const problems: string[] = [];
	if (entry?.state === 'failed') problems.push(entry.error);
	if (view?.reason) problems.push(`live: ${ownReason(info.name, view.reason)}`);
	if (view?.gitError) problems.push(`Git: ${ownReason(info.name, view.gitError)}`);
	// A failure first: at 80 columns the URL and the ref would otherwise push the reason off the line.
	return [...problems, info.dashboard, git].join(' · ');
}

/** Two lines per environment: name, reachability, counts and drift bar; then URL, Git ref and any reason. */
export function EnvironmentRow({info, entry, selected, picked, width, theme}: EnvironmentRowProps) {
	const view = shownView(entry);
	const nameStyle = info.protected ? theme.env.protected : info.readOnly ? theme.env.readOnly : theme.env.normal;
	const nameWidth = Math.min(30, Math.max(14, Math.floor(width * 0.25)));
	const reachWidth = 14;
	const countWidth = 24;
	const barWidth = Math.max(4, width - 2 - nameWidth - reachWidth - countWidth - 3);
	const failed = entry?.state === 'failed' || (view !== undefined && view.reachability !== 'ok');
	const pointer = picked ? '◆' : selected ? '›' : ' ';
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text {...(selected ? theme.ui.cursor : {})}>{pointer} </Text>
				<Text {...nameStyle}>{fit(info.name + envMarkers(info), nameWidth)}</Text>{' '}
				{(entry === undefined || entry.state === 'loading') && !view
					? <Spinner label={fit('loading…', reachWidth - 2)} style={theme.reach.loading} />
					: <Text {...(failed ? theme.reach.failed : theme.reach.ok)}>
						{fit(entry?.state === 'failed' ? 'error' : view ? reachLabels[view.reachability] : '', reachWidth)}
					</Text>}{' '}
				<Text>{fit(view ? counts(view) : '', countWidth)}</Text>{' '}
				{view && driftUnknown(view)
					? <Text {...theme.ui.muted}>{truncate(driftUnknown(view)!, barWidth)}</Text>
					: view ? <DriftBar drift={view.drift} width={barWidth} theme={theme} /> : null}
			</Text>
			<Text wrap="truncate" {...(failed ? theme.ui.error : theme.ui.muted)}>{'  '}{truncate(detail(info, entry), width - 2)}</Text>
		</Box>
	);
}
