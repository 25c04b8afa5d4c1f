import {parseDocument} from 'yaml';
import {ConfigError} from './error.js';
import {errorMessage} from '../core/errors.js';
import {jsonErrorPlace} from '../core/json-error.js';

function parseJson(text: string, display: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const place = jsonErrorPlace(text);
		if (!place) throw new ConfigError(`${display}: invalid JSON: ${errorMessage(error)}`);
		throw new ConfigError(`${display}:${place.line}:${place.column}: invalid JSON: ${place.message}`);
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
