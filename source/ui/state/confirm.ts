/**
 * The confirmation dialog of the Plan screen. Unprotected environments confirm with `y`; protected ones need the
 * environment's name typed exactly, so a reflex keypress can never write to production.
 */
export interface ConfirmState {
	readonly typing: boolean;
	readonly typed: string;
	readonly confirmed: boolean;
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

/** Pure reducer; `environment` and `protectedEnv` come from the plan so they cannot drift from what is shown. */
export function confirmReducer(
	state: ConfirmState, action: ConfirmAction, environment: string, protectedEnv: boolean,
): ConfirmState {
	if (state.confirmed) return state;
	switch (action.type) {
		case 'request':
			return protectedEnv ? {typing: true, typed: '', confirmed: false} : {...state, confirmed: true};
		case 'input':
			return state.typing ? {...state, typed: state.typed + action.text.replace(/[\r\n]/g, ''), error: undefined} : state;
		case 'backspace':
			return state.typing ? {...state, typed: [...state.typed].slice(0, -1).join('')} : state;
		case 'submit':
			if (!state.typing) return state;
			if (state.typed === environment) return {...state, confirmed: true, error: undefined};
			return {...state, typed: '', error: `"${state.typed}" is not "${environment}"; nothing was written`};
		case 'cancel':
			return initialConfirm;
	}
}
