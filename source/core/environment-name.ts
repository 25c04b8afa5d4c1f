/**
 * Environment names become lock and journal file names (`locks/<name>.lock`, `journal/<id>.<name>.jsonl`), so they
 * are limited to characters safe on every file system: a letter or digit, then letters, digits, '.', '_' or '-',
 * at most 63 in all. One rule for the config check and for every file named after an environment, so a name the
 * config accepts can always be locked and journaled, and nothing else can.
 */
export const environmentNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The rule in words, for messages. */
export const environmentNameRule = "1-63 letters, digits, '.', '_' or '-', starting with a letter or digit";

/** Whether `name` is safe as an environment name (see environmentNamePattern). */
export function isEnvironmentName(name: string): boolean {
	return environmentNamePattern.test(name);
}
