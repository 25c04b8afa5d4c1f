import {useMemo, useState, type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {dumpMessage, messageSubject} from '../../../core/dump-message.js';
import type {Plan} from '../../../core/plan.js';
import {useKeyHandler} from '../../input/use-key-handler.js';
import type {Theme} from '../../theme.js';
import {plural, truncate, width as cells} from '../../text.js';

/** Options of useCommitMessage. */
export interface UseCommitMessageOptions {
	/** The dump plan (undefined while it loads). */
	readonly plan?: Plan;
	readonly isActive: boolean;
	readonly width: number;
	readonly theme: Theme;
	/** Enter with a message: undefined when the user kept the prefilled one (the engine then writes exactly it). */
	onConfirm(message: string | undefined): void;
	onCancel(): void;
	say(message: string): void;
}

/** The commit-message field of a dump's Plan screen: whether it is open, how to open it, and its lines. */
export interface CommitMessage {
	readonly editing: boolean;
	open(): void;
	/** Two lines, the same as the confirmation prompt it replaces while open. */
	readonly field: ReactNode;
}

/** The end of a text that does not fit, so the user always sees what they typed last. */
function tail(text: string, max: number): string {
	return cells(text) <= max ? text : `…${[...text].slice(-(max - 1)).join('')}`;
}

/**
 * A dump asks for its commit message before it writes: `y` opens the field prefilled with the subject the CLI would
 * write (the lines naming the items follow it unchanged), the user edits it, Enter commits, Esc cancels and writes
 * nothing. While it is open, letters type into it; Ctrl-U clears it.
 */
export function useCommitMessage({plan, isActive, width, theme, onConfirm, onCancel, say}: UseCommitMessageOptions): CommitMessage {
	const [editing, setEditing] = useState(false);
	const [text, setText] = useState('');
	const fallback = useMemo(() => (plan ? dumpMessage(plan) : ''), [plan]);
	const subject = messageSubject(fallback);
	const body = fallback.slice(subject.length);
	const items = body.split('\n').filter((line) => line !== '').length;
	useKeyHandler({
		onText: (typed) => setText((t) => t + typed.replace(/[\r\n]/g, '')),
		onKey: (key) => {
			if (key.text !== '') setText((t) => t + key.text);
			else if (key.name === 'backspace') setText((t) => [...t].slice(0, -1).join(''));
			else if (key.name === 'ctrl-u') setText('');
			else if (key.name === 'esc') {
				setEditing(false);
				onCancel();
			} else if (key.name === 'enter') {
				const written = text.trim();
				if (written === '') say('A commit needs a message: type one, or Esc to cancel');
				else {
					setEditing(false);
					onConfirm(written === subject ? undefined : written + body);
				}
			} else return false;
			return true;
		},
	}, {isActive: isActive && editing, layer: 'text'});
	const field = (
		<Box flexDirection="column" width={width}>
			<Text {...theme.ui.title}>{truncate(`Commit message · Enter commits · Esc cancels · Ctrl-U clears${items > 0 ? ` · then ${plural(items, 'line')} naming the items` : ''}`, width)}</Text>
			<Text>
				<Text {...theme.ui.muted}>{'  message › '}</Text>
				<Text {...theme.ui.key}>{tail(text, Math.max(1, width - 13))}█</Text>
			</Text>
		</Box>
	);
	return {
		editing,
		open: () => {
			setText(subject);
			setEditing(true);
		},
		field,
	};
}
