/** The layout's index cannot be used at all (unreadable, wrong shape, unknown type); the message names the path. */
export class LayoutError extends Error {
	/** Store path of the `.tyk.json` concerned. */
	readonly path: string;
	constructor(message: string, path: string) {
		super(message);
		this.name = 'LayoutError';
		this.path = path;
	}
}

/**
 * There is no `.tyk.json` at all. Kept distinct from a broken index because it is a normal state: a new branch or an
 * empty repository, into which a first dump must still be possible.
 */
export class LayoutMissingError extends LayoutError {
	constructor(message: string, path: string) {
		super(message, path);
		this.name = 'LayoutMissingError';
	}
}
