import {parseDocument} from 'yaml';
import {ConfigError} from './error.js';
import {errorMessage} from '../core/errors.js';

/** 1-based line and column of a character offset, for messages users can jump to. */
function lineColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const lines = before.split('\n');
	return {line: lines.length, column: lines.at(-1)!.length + 1};
}

/**
 * Where JSON.parse gave up. Node 20 reports a position for most errors but not for "Unexpected token", so then it
 * is found by parsing growing prefixes: a prefix before the bad token fails only at its own end (or with "end of
 * input"); the first prefix that includes the bad token fails inside it. Binary search keeps this to a few parses.
 */
function jsonErrorOffset(text: string, message: string): number {
	const position = /at position (\d+)/.exec(message);
	if (position) return Number(position[1]);
	if (/end of JSON input/.test(message)) return text.length;
	const failsInside = (length: number): boolean => {
		try {
			JSON.parse(text.slice(0, length));
			return false;
		} catch (error) {
			const reason = errorMessage(error);
			const at = /at position (\d+)/.exec(reason);
			if (at) return Number(at[1]) < length;
			return !/end of JSON input/.test(reason);
		}
	};
	let low = 0;
	let high = text.length;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (failsInside(middle)) high = middle;
		else low = middle + 1;
	}
	return Math.max(0, low - 1);
}

function parseJson(text: string, display: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const reason = errorMessage(error).split('\n')[0]!;
		const {line, column} = lineColumn(text, jsonErrorOffset(text, reason));
		const short = reason.replace(/, .*is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/, '');
		throw new ConfigError(`${display}:${line}:${column}: invalid JSON: ${short}`);
	}
}

function parseYaml(text: string, display: string): unknown {
	const document = parseDocument(text, {prettyErrors: true, uniqueKeys: true});
	if (document.errors.length > 0) {
		const problems = document.errors.map((error) => {
			const position = error.linePos?.[0];
			const where = position ? `${display}:${position.line}:${position.col}` : display;
			const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
			return `${where}: invalid YAML: ${reason}`;
		});
		throw new ConfigError(problems);
	}
	try {
		return document.toJS() as unknown;
	} catch (error) {
		// The yaml library refuses alias bombs ("billion laughs") while building values; name the file like any other problem.
		const reason = errorMessage(error);
		throw new ConfigError(`${display}: invalid YAML: ${reason}`);
	}
}

/**
 * Turns the text of a config file into a plain value. `.json` files are strict JSON; anything else is YAML
 * (which also accepts JSON). Syntax errors name the file, the line and the column.
 */
export function parseConfigText(text: string, file: string, display: string): unknown {
	if (text.trim() === '') throw new ConfigError(`${display}: the configuration file is empty`);
	return file.toLowerCase().endsWith('.json') ? parseJson(text, display) : parseYaml(text, display);
}
