/**
 * The message of anything thrown: an Error's message, anything else as text. One helper, so every message a user
 * reads is built the same way (and a thrown string or object never shows as "[object Object]" by accident).
 */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
