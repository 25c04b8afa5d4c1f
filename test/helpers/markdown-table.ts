/** The first table of a markdown text as GitHub splits it: header cells, whether the separator row matches, body rows. */
export interface GithubTable {
	readonly header: readonly string[];
	/** A `| --- | --- |` row right under the header, with as many cells. */
	readonly separator: boolean;
	readonly rows: readonly (readonly string[])[];
	/** The table follows a blank line (else GitHub reads it as part of the paragraph above). */
	readonly blankBefore: boolean;
}

/** The cells of one table line: split on `|` that is not backslash-escaped, the outer pipes dropped. */
export function tableCells(line: string): string[] {
	return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Reads the first table (a run of lines starting with `|`); undefined when there is none. */
export function githubTable(markdown: string): GithubTable | undefined {
	const lines = markdown.split('\n');
	const start = lines.findIndex((line) => line.startsWith('|'));
	if (start < 0) return undefined;
	let end = start;
	while (end < lines.length && lines[end]!.startsWith('|')) end++;
	const header = tableCells(lines[start]!);
	const separatorLine = lines[start + 1] ?? '';
	return {
		header,
		separator: /^\|( ?:?-{3,}:? ?\|)+$/.test(separatorLine) && tableCells(separatorLine).length === header.length,
		rows: lines.slice(start + 2, end).map(tableCells),
		blankBefore: start > 0 && lines[start - 1] === '',
	};
}
