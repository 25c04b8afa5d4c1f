/**
 * A configuration that cannot be used. It lists every problem found (not just the first), each naming the file,
 * the key path and what is wrong, so one edit-run cycle fixes them all. Messages never contain a secret.
 * The message is one sentence when there is one problem, else a count followed by one problem per line.
 */
export class ConfigError extends Error {
	readonly problems: readonly string[];

	constructor(problems: string | readonly string[]) {
		const list = typeof problems === 'string' ? [problems] : [...problems];
		super(list.length === 1 ? list[0]! : `${list.length} problems in the configuration:\n${list.map((p) => `  ${p}`).join('\n')}`);
		this.name = 'ConfigError';
		this.problems = list;
	}
}
