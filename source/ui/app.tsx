import type {ExternalPrograms} from '../sources/external-program.js';
import {InputProvider} from './input/input-provider.js';
import {ExternalContext} from './hooks/use-external.js';
import {Shell, type ShellProps} from './shell.js';

/** Props of <App/>: the shell's (services, start environment, fixed size for tests, colour), and the pager/editor. */
export interface AppProps extends ShellProps {
	/** The user's pager and editor for the raw views; without them `o`/`e` say there is none. */
	readonly programs?: ExternalPrograms;
}

/**
 * The console root: the one input provider around the shell, so every key of the console (screens, text fields, the
 * help overlay, the app's own Esc/q/?) comes in through a single `useInput` and one priority stack.
 */
export function App({programs, ...props}: AppProps) {
	return (
		<ExternalContext.Provider value={programs}>
			<InputProvider>
				<Shell {...props} />
			</InputProvider>
		</ExternalContext.Provider>
	);
}
