/**
 * The confirmation dialog of the Plan screen. Unprotected environments confirm with `y`; protected ones need the
 * environment's name typed exactly, so a reflex keypress can never write to production.
 */
export interface ConfirmState {
	readonly typing: boolean;
	readonly typed: string;
	readonly confirmed: boolean;
	/** The last attempt failed (the field was cleared), or a `y` was not typed: what happened, one sentence. */
	readonly error?: string;
}

/** What the user does in the confirmation line. */
export type ConfirmAction =
	| {readonly type: 'request'}
	| {readonly type: 'input'; readonly text: string}
	| {readonly type: 'backspace'}
	| {readonly type: 'submit'}
	| {readonly type: 'cancel'};

/** Nothing requested, nothing typed. */
export const initialConfirm: ConfirmState = {typing: false, typed: '', confirmed: false};

/**
 * Typed text joined to the field. A `y` that does not continue the environment's name is left out: it is the reflex
 * of a user who believes `y` applies (it does not, here), and "yprod" would only fail a second time.
 */
function typeInto(typed: string, text: string, environment: string): {typed: string; refusedY: boolean} {
	let out = typed;
	let refusedY = false;
	for (const char of text.replace(/[\r\n]/g, '')) {
		if (char === 'y' && !environment.startsWith(out + char)) refusedY = true;
		else out += char;
	}
	return {typed: out, refusedY};
}

/** Pure reducer; `environment` and `protectedEnv` come from the plan so they cannot drift from what is shown. */
export function confirmReducer(
	state: ConfirmState, action: ConfirmAction, environment: string, protectedEnv: boolean,
): ConfirmState {
	if (state.confirmed) return state;
	switch (action.type) {
		case 'request':
			return protectedEnv ? {typing: true, typed: '', confirmed: false} : {...state, confirmed: true};
		case 'input': {
			if (!state.typing) return state;
			const {typed, refusedY} = typeInto(state.typed, action.text, environment);
			return {
				...state, typed,
				error: refusedY ? `y does not apply to a protected environment: type "${environment}" and press Enter` : undefined,
			};
		}
		case 'backspace':
			return state.typing ? {...state, typed: [...state.typed].slice(0, -1).join(''), error: undefined} : state;
		case 'submit':
			if (!state.typing) return state;
			if (state.typed === environment) return {...state, confirmed: true, error: undefined};
			if (state.typed === '') return {...state, error: `Type "${environment}" first, then Enter; nothing was written`};
			return {...state, typed: '', error: `"${state.typed}" is not "${environment}": the field was cleared and nothing was written`};
		case 'cancel':
			return initialConfirm;
	}
}
