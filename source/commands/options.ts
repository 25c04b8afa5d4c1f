import {Command, Option} from 'commander';
import type {Kind} from '../core/item.js';

/** Options every command understands; commander hands them over merged with the program's globals. */
export interface CommonOptions {
	readonly config?: string;
	readonly dashboard?: string;
	readonly secretEnv?: string;
	readonly repo?: string;
	readonly branch?: string;
	readonly dir?: string;
	readonly json?: boolean;
	readonly verbose?: boolean;
	readonly color?: boolean;
}

/** Selection flags shared by diff, dump and publish (product.md §5). */
export interface SelectionOptions {
	readonly id?: string[];
	readonly kind?: Kind;
	readonly category?: string;
}

/** Adds the config file and ad-hoc environment flags: what every command and the console need to find environments. */
export function withConfigOptions(command: Command): Command {
	return command
		.option('--config <file>', 'configuration file (default: $TYK_CONSOLE_CONFIG, ./tyk-console.yaml, ~/.config/tyk-console/config.yaml)')
		.option('--dashboard <url>', 'ad-hoc environment "adhoc": Dashboard URL (with --secret-env)')
		.option('--secret-env <var>', 'ad-hoc environment: variable holding the Dashboard API key')
		.option('--repo <path>', 'Git repository (or plain directory) with the tyk-sync layout')
		.option('--branch <ref>', 'Git branch, tag or commit to read')
		.option('--dir <path>', 'directory inside the repository holding .tyk.json');
}

/** Adds the config and ad-hoc environment flags, `--json` and `--verbose` to a command. */
export function withCommonOptions(command: Command): Command {
	return withConfigOptions(command)
		.option('--json', 'machine-readable output on stdout (logs go to stderr)')
		.option('--verbose', 'log each Dashboard request to stderr (never the key)')
		.option('--no-color', 'no colour, even on a terminal');
}

function collectIds(value: string, previous: string[] = []): string[] {
	return [...previous, ...value.split(',').map((id) => id.trim()).filter((id) => id !== '')];
}

/** Adds `--id` (repeatable or comma separated), `--kind` and `--category`. */
export function withSelection(command: Command): Command {
	return command
		.option('--id <id>', 'portable ID of an item (repeatable, or comma separated)', collectIds)
		.addOption(new Option('--kind <kind>', 'only this kind').choices(['api', 'policy', 'template']))
		.option('--category <name>', 'only APIs in this category');
}

/** Adds `--dry-run` and `--yes`, the write-gate flags of every command that writes to a Dashboard. */
/** `--out FILE` of the commands whose plan can be saved and applied later (`tyk-console apply`). */
export function withPlanOut(command: Command): Command {
	return command.option('--out <file>', 'save the plan to this file (mode 0600) instead of applying it; `tyk-console apply FILE` applies it');
}

export function withWriteGate(command: Command): Command {
	return command
		.option('--dry-run', 'print the plan and write nothing')
		.option('--yes', 'do not ask; needed for protected environments without a terminal');
}
