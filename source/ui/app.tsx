import {InputProvider} from './input/input-provider.js';
import {Shell, type ShellProps} from './shell.js';

/** Props of <App/>: the shell's (services, start environment, fixed size for tests, colour). */
export type AppProps = ShellProps;

/**
 * The console root: the one input provider around the shell, so every key of the console (screens, text fields, the
 * help overlay, the app's own Esc/q/?) comes in through a single `useInput` and one priority stack.
 */
export function App(props: AppProps) {
	return (
		<InputProvider>
			<Shell {...props} />
		</InputProvider>
	);
}
