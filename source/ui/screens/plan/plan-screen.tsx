import {useEffect, useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {countActions, type Plan} from '../../../core/plan.js';
import {findEnvironment, useUi} from '../../context.js';
import {useAsync} from '../../hooks/use-async.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {useTextInput} from '../../hooks/use-text-input.js';
import {useHints} from '../../hooks/use-hints.js';
import {hintsFor} from '../../keys.js';
import {confirmReducer, initialConfirm, type ConfirmAction} from '../../state/confirm.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import type {PlanRequest} from '../../state/navigation.js';
import {Spinner} from '../../components/spinner.js';
import {EnvName} from '../../components/env-badge.js';
import {sentence, truncate} from '../../text.js';
import {loadPlan, writesToDashboard} from './load-plan.js';
import {PlanSteps} from './plan-steps.js';
import {overwriteText} from '../../../core/origin.js';
import {ConfirmPrompt, promptLines} from './confirm-prompt.js';
import {stepComparison} from './step-comparison.js';
import {StepDetail, stepDetailRows} from './step-detail.js';
import {useCommitMessage} from './commit-message.js';
import {BlockedPrompt, blockedMessage, blockedPromptLines, dependenciesHelp} from './blocked-prompt.js';

/** Props of <PlanScreen/>. */
export interface PlanScreenProps {
	readonly request: PlanRequest;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** While the typed name has the focus, letters go into it: its own keys are the ones to hint. */
const typingHints = [{keys: 'enter', description: 'apply'}, {keys: 'esc', description: 'cancel'}, {keys: 'backspace', description: 'erase'}];

/**
 * The revision a plan was made from, when its side labels do not say it: the commit a dump lands on or a publish
 * comes from (the view it was planned from may have moved since).
 */
export function planRevision(plan: Plan): string | undefined {
	if (plan.base === undefined) return undefined;
	if (plan.base.commit === null) return 'made from a branch that does not exist yet';
	return `made from commit ${plan.base.commit.slice(0, 7)}`;
}

/** The red line of a plan with flagged steps: the cursor step's overwrite in full, else how many steps are flagged. */
function overwriteLine(plan: Plan, step: Plan['steps'][number] | undefined, flagged: number): string {
	if (step?.overwrites) return `! ${overwriteText(step.overwrites, plan.direction === 'dump' ? 'dump' : 'publish')}`;
	return `! ${flagged} step${flagged === 1 ? '' : 's'} (marked !) overwrite${flagged === 1 ? 's' : ''} a change made ${plan.direction === 'dump' ? 'in Git' : 'live'} since the last sync`;
}

/** Shows every write before anything is written; `y` (or the typed name) hands the plan to the Progress screen. */
export function PlanScreen({request, width, height, isActive}: PlanScreenProps) {
	const ui = useUi();
	const {theme} = ui;
	const state = useAsync(() => loadPlan(ui.services, request, ui.views.store), [request]);
	const plan: Plan | undefined = state.state === 'ready' ? state.value : undefined;
	const info = findEnvironment(ui.environments, request.environment);
	const protectedEnv = Boolean(info?.protected) && writesToDashboard(request);
	const [confirm, setConfirm] = useState(initialConfirm);
	const [list, setList] = useState(initialList);
	const dispatch = (action: ConfirmAction) =>
		setConfirm((s) => confirmReducer(s, action, request.environment, protectedEnv));
	const counts = useMemo(() => (plan ? countActions(plan) : undefined), [plan]);
	const writes = counts ? counts.create + counts.update + counts.delete : 0;
	const notes = plan?.notes ?? [];
	const blocked = plan?.blocked ?? [];
	const canAddDependencies = request.type === 'publish' && !request.withDependencies && dependenciesHelp(plan);
	const detailRows = plan && plan.steps.length > 0 ? stepDetailRows(height) : 0;
	const compareOptions = useMemo(() => ui.services.compareOptions(), [ui.services]);
	// Header and counts, the steps, the detail, the confirmation lines and one line for what the last attempt did.
	const prompt = blocked.length > 0 ? blockedPromptLines(blocked, width) : promptLines;
	// Steps that would erase a change made on the target since the base: one red line says so (the cursor's in full).
	const flagged = plan?.steps.filter((step) => step.overwrites).length ?? 0;
	const viewport = Math.max(1, height - 3 - prompt - notes.length - detailRows - (flagged > 0 ? 1 : 0));
	const bounds = {count: plan?.steps.length ?? 0, viewport};
	const shown = clampList(list, bounds);
	useEffect(() => {
		if (confirm.confirmed && plan) ui.navigate({type: 'replace', route: {type: 'progress', plan}});
	}, [confirm.confirmed]);
	useEffect(() => {
		if (confirm.error) ui.say(confirm.error);
	}, [confirm.error]);
	const refusal = info?.readOnly && writesToDashboard(request) ? `${info.name} is read-only: this plan cannot be applied` : undefined;
	const canApply = plan !== undefined && writes > 0 && refusal === undefined && blocked.length === 0;
	// A dump asks for its commit message first; Enter in the field starts it.
	const message = useCommitMessage({
		plan, isActive, width, theme, say: ui.say,
		onConfirm: (text) => plan && ui.navigate({type: 'replace', route: {type: 'progress', plan, ...(text === undefined ? {} : {message: text})}}),
		onCancel: () => ui.say('Cancelled: nothing was written'),
	});
	// A plan is saved for `tyk-console apply`, which writes a Dashboard: not for a dump, nor for one that writes nothing.
	const canSave = canApply && request.type !== 'dump';
	const unavailable = [
		...(canApply ? [] : ['confirm' as const]), ...(canSave ? [] : ['savePlan' as const]), ...(canAddDependencies ? [] : ['dependencies' as const]),
	];
	useHints(confirm.typing || message.editing ? typingHints : unavailable.length === 0 ? undefined : hintsFor('plan', unavailable), isActive);
	useKeys('plan', {
		...moveHandlers((move) => setList((s) => moveList(s, move, bounds))),
		open: () => {
			const step = plan?.steps[shown.cursor];
			if (!step || !plan) return;
			ui.navigate({type: 'push', route: {
				type: 'diff', comparison: stepComparison(step), environment: request.environment,
				leftLabel: plan.source.label, rightLabel: plan.target.label, ...(step.overlay ? {overlay: step.overlay} : {}),
			}});
		},
		confirm: () => {
			if (!plan) return void ui.say('The plan is still loading');
			if (writes === 0) return void ui.say('Nothing to apply');
			if (info?.readOnly && writesToDashboard(request)) return void ui.say(`${info.name} is read-only: nothing was written`);
			if (blocked.length > 0) return void ui.say(blockedMessage(blocked));
			if (request.type === 'dump') return void message.open();
			dispatch({type: 'request'});
		},
		savePlan: () => {
			if (!plan) return void ui.say('The plan is still loading');
			if (writes === 0) return void ui.say('Nothing to save: the plan writes nothing');
			if (request.type === 'dump') return void ui.say('A dump is not saved: it lands on the Git commit it was planned on, or not at all');
			if (refusal) return void ui.say(refusal);
			if (blocked.length > 0) return void ui.say(blockedMessage(blocked));
			ui.services.savePlan(plan).then(
				(file) => ui.say(`Plan saved to ${file} · tyk-console apply ${file} applies it · nothing was written`),
				(error: unknown) => ui.say(`Could not save the plan: ${sentence(error instanceof Error ? error.message : String(error))}`),
			);
		},
		dependencies: () => {
			if (!plan) return void ui.say('The plan is still loading');
			if (request.type !== 'publish' || !canAddDependencies) return void ui.say('Nothing to add: no policy here lacks an API');
			ui.navigate({type: 'replace', route: {type: 'plan', request: {...request, withDependencies: true}}});
		},
		back: () => {
			ui.say('Cancelled: nothing was written');
			return false;
		},
	}, {isActive});
	useTextInput({
		onText: (text) => dispatch({type: 'input', text}),
		onEnter: () => dispatch({type: 'submit'}),
		onEscape: () => {
			dispatch({type: 'cancel'});
			ui.say('Cancelled: nothing was written');
		},
		onBackspace: () => dispatch({type: 'backspace'}),
	}, {isActive: isActive && confirm.typing});
	if (state.state === 'loading') return <Spinner label={`Planning ${request.type} for ${request.environment}…`} style={theme.reach.loading} />;
	if (state.state === 'failed') {
		return <Text {...theme.ui.error}>{truncate(`Could not plan ${request.type} for ${request.environment}: ${sentence(state.error)} Esc goes back.`, width * 3)}</Text>;
	}
	const p = state.value;
	const revision = planRevision(p);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text {...theme.ui.title}>{p.direction}</Text> {p.source.label} → {p.target.label} on{' '}
				<EnvName name={p.environment} info={info} theme={theme} />
			</Text>
			<Text wrap="truncate">
				<Text {...theme.action.create}>{counts!.create} create</Text> · <Text {...theme.action.update}>{counts!.update} update</Text> ·{' '}
				<Text {...theme.action.delete}>{counts!.delete} delete</Text> · <Text {...theme.action.skip}>{counts!.skip} skip</Text>
				{revision ? <Text {...theme.ui.muted}> · {revision}</Text> : null}
			</Text>
			{notes.map((note) => <Text key={note} {...theme.ui.muted} wrap="truncate">{note}</Text>)}
			<Box height={viewport} flexDirection="column">
				<PlanSteps steps={p.steps.slice(shown.offset, shown.offset + viewport)} cursorIndex={shown.cursor - shown.offset} width={width} theme={theme} blocked={blocked} />
			</Box>
			{flagged > 0 ? <Text {...theme.ui.error} wrap="truncate">{overwriteLine(p, p.steps[shown.cursor], flagged)}</Text> : null}
			<StepDetail step={p.steps[shown.cursor]} rows={detailRows} width={width} theme={theme} options={compareOptions} />
			{blocked.length > 0 ? <BlockedPrompt blocked={blocked} cursorKey={p.steps[shown.cursor]?.key} canAddDependencies={canAddDependencies} width={width} theme={theme} /> : message.editing ? message.field : <ConfirmPrompt state={confirm} environment={p.environment} writes={writes} target={p.target.label} protectedEnv={protectedEnv} refusal={refusal} width={width} theme={theme} />}
			{confirm.error ? <Text {...theme.ui.error} wrap="truncate">{confirm.error}</Text> : null}
		</Box>
	);
}
