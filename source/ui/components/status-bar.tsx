import {Box, Text} from 'ink';
import type {EnvironmentInfo} from '../../engine/services.js';
import {hintsFor, type Hint, type ScreenName} from '../keys.js';
import type {Theme} from '../theme.js';
import {truncate, width as cells} from '../text.js';
import {EnvName, envMarkers} from './env-badge.js';

/** Props of <StatusBar/>. */
export interface StatusBarProps {
	readonly screen: ScreenName;
	readonly environment?: EnvironmentInfo;
	readonly commit?: string;
	readonly marks: number;
	readonly message: string;
	readonly width: number;
	readonly theme: Theme;
	/**
	 * The hints the screen's state calls for instead of its registry hints: a text field with the focus takes letters,
	 * so its keys (Enter, Esc) are the ones to show, and a key that cannot act now (`y` on a plan with nothing to
	 * apply) must not be offered.
	 */
	readonly hints?: readonly Hint[];
}

/** Builds "key desc · key desc" hints from the registry (or the given ones), dropping whole hints that do not fit. */
export function hintLine(screen: ScreenName, max: number, hints: readonly Hint[] = hintsFor(screen)): Hint[] {
	const out: Hint[] = [];
	let used = 0;
	for (const hint of hints) {
		const size = cells(hint.keys) + 1 + cells(hint.description) + 2;
		if (used + size > max) break;
		out.push(hint);
		used += size;
	}
	return out;
}

/** Two lines at the bottom: where you are (environment, Git source, marks, last message) and which keys act. */
export function StatusBar({screen, environment, commit, marks, message, width, theme, hints}: StatusBarProps) {
	const fullGit = environment
		? `git ${environment.git.branch}${commit ? `@${commit}` : ''}${environment.git.dir ? ` ${environment.git.dir}` : ''}`
		: '';
	const envWidth = environment ? cells(environment.name + envMarkers(environment)) : 0;
	const fixedFor = (git: string) => `${git ? ` │ ${git}` : ''} │ marks ${marks} │ `;
	// The last message matters more than the Git source (also on the Environments and Items screens): drop Git first.
	const git = width - envWidth - cells(fixedFor(fullGit)) >= cells(message) ? fullGit : '';
	const fixed = fixedFor(git);
	const room = Math.max(0, width - envWidth - cells(fixed));
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				{environment ? <EnvName name={environment.name} info={environment} theme={theme} /> : <Text {...theme.ui.muted}>no environment open</Text>}
				<Text {...theme.ui.muted}>{fixed}</Text>
				<Text {...theme.ui.message}>{truncate(message, room)}</Text>
			</Text>
			<Text wrap="truncate">
				{hintLine(screen, width, hints).map((hint) => (
					<Text key={hint.keys + hint.description}>
						<Text {...theme.ui.key}>{hint.keys}</Text> {hint.description}{'  '}
					</Text>
				))}
			</Text>
		</Box>
	);
}
