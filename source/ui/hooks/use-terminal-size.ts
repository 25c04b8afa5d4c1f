import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** Terminal size in cells. */
export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

/**
 * The size of Ink's stdout, updated on `resize`. Ink 6.8 has no useWindowSize, and reading the global stdout directly
 * would make tests depend on the test runner's terminal; tests pass explicit sizes to <App/> instead.
 */
export function useTerminalSize(fallback: TerminalSize = {columns: 100, rows: 30}): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => ({
		columns: stdout.columns > 0 ? stdout.columns : fallback.columns,
		rows: stdout.rows > 0 ? stdout.rows : fallback.rows,
	});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
