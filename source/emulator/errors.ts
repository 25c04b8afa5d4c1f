/**
 * A Dashboard error answer. Store code throws it with the exact status and `Message` text the contract
 * prescribes, so the HTTP layer can render every failure the same way without knowing the domain rules.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'ApiError';
	}
}
