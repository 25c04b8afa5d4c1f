import {errorMessage} from '../core/errors.js';
import type {Item} from '../core/item.js';
import type {OperationResult, Plan, PlanStep, ProgressEvent, SideRef, StepResult} from '../core/plan.js';
import {keepDetail} from '../core/pair-detail.js';
import {isSafeText, safeText} from '../core/safe-text.js';
import type {Comparison} from '../core/status.js';
import type {PlanRequest, PlanResult} from '../engine/plans.js';
import type {ConsoleServices, EnvironmentInfo, EnvironmentView, ItemHistory, OperationEntry} from '../engine/services.js';

/**
 * The console's edge: every string the engine hands the UI (IDs, names, categories, files, labels, errors, commit
 * subjects and authors, Dashboard messages) passes `safeText` once, here, so no screen can put an escape sequence,
 * a control character or a bidi override from a Dashboard, Git, a file or the config on the user's terminal. Item
 * bodies stay as they are: the Diff screen makes their texts safe line by line where it builds them (diffTexts).
 *
 * What the UI hands back (a view to plan from, a plan to apply, marked keys, an ID whose history to read) is mapped
 * back to the engine's own objects and strings, so an item with a hostile ID is still planned, written and looked up
 * by its real ID. Converted objects are remembered, so the same engine object always gives the same UI object (the
 * views hook relies on identity to tell "unchanged" from "refreshed").
 */
export function safeServices(services: ConsoleServices): ConsoleServices {
	const toSafe = new WeakMap<object, object>();
	const toRaw = new WeakMap<object, object>();
	/** Escaped ID or key → the engine's own, for the strings safeText changed. */
	const aliases = new Map<string, string>();

	function once<T extends object>(raw: T, convert: (raw: T) => T): T {
		const known = toSafe.get(raw);
		if (known) return known as T;
		const safe = convert(raw);
		toSafe.set(raw, safe);
		if (safe !== raw) toRaw.set(safe, raw);
		return safe;
	}
	const raw = <T extends object>(safe: T): T => (toRaw.get(safe) as T | undefined) ?? safe;
	/** An identity string (ID, key, file): escaped, and remembered so it can be mapped back. */
	const identity = (text: string): string => {
		const safe = safeText(text);
		if (safe !== text) aliases.set(safe, text);
		return safe;
	};
	const unalias = (text: string): string => aliases.get(text) ?? text;
	const optional = (text: string | undefined) => (text === undefined ? undefined : safeText(text));
	const list = (texts: readonly string[]) => (texts.every(isSafeText) ? texts : texts.map(safeText));

	const side = (ref: SideRef): SideRef => once(ref, (r) => (isSafeText(r.label) ? r : {...r, label: safeText(r.label)}));
	const item = (value: Item | undefined): Item | undefined => value && once(value, (i) => ({
		...i, id: identity(i.id), name: safeText(i.name), categories: list(i.categories),
		...(i.file === undefined ? {} : {file: identity(i.file)}), ...(i.dbId === undefined ? {} : {dbId: safeText(i.dbId)}),
	}));
	const comparison = (value: Comparison): Comparison => once(value, (c) => {
		// The row's cached detail (normalised bodies, not strings shown as such) stays with the copy, not enumerable.
		return keepDetail(c, {
			...c, key: identity(c.key), name: safeText(c.name), categories: list(c.categories), changes: list(c.changes),
			...(c.id === undefined ? {} : {id: identity(c.id)}), ...(c.file === undefined ? {} : {file: identity(c.file)}),
			...(c.error === undefined ? {} : {error: safeText(c.error)}),
			...(c.left === undefined ? {} : {left: item(c.left)}), ...(c.right === undefined ? {} : {right: item(c.right)}),
			...(c.invalid === undefined ? {} : {invalid: {...c.invalid, file: identity(c.invalid.file), error: safeText(c.invalid.error), ...(c.invalid.id === undefined ? {} : {id: identity(c.invalid.id)})}}),
		} satisfies Comparison);
	});
	const view = (value: EnvironmentView): EnvironmentView => once(value, (v) => ({
		...v, left: side(v.left), right: side(v.right), comparisons: v.comparisons.map(comparison),
		hidden: Object.fromEntries(Object.entries(v.hidden).map(([key, count]) => [identity(key), count])),
		...(v.reason === undefined ? {} : {reason: safeText(v.reason)}), ...(v.gitError === undefined ? {} : {gitError: safeText(v.gitError)}),
		...(v.unreadable === undefined ? {} : {unreadable: v.unreadable.map(identity)}),
		...(v.notes === undefined ? {} : {notes: list(v.notes)}),
		...(v.partial === undefined ? {} : {partial: {side: v.partial.side, rows: v.partial.rows.map(comparison)}}),
		// Who changed an item comes from a Dashboard's audit log or the journal: outside text, keyed like the rows.
		...(v.blame === undefined ? {} : {blame: Object.fromEntries(Object.entries(v.blame).map(([key, b]) => [identity(key), {
			...b, by: safeText(b.by), at: safeText(b.at), via: safeText(b.via), ...(b.operation === undefined ? {} : {operation: safeText(b.operation)}),
		}]))}),
		// Overlay field paths are written in the overlay file (Git): shown in the diff header, gutter and plan.
		...(v.overlay === undefined ? {} : {overlay: {
			...v.overlay, fields: Object.fromEntries(Object.entries(v.overlay.fields).map(([key, fields]) => [identity(key), list(fields)])),
			...(v.overlay.notes === undefined ? {} : {notes: list(v.overlay.notes)}),
		}}),
	}));
	const step = (value: PlanStep): PlanStep => once(value, (s) => ({
		...s, key: identity(s.key), id: identity(s.id), name: safeText(s.name), changes: list(s.changes),
		...(s.before === undefined ? {} : {before: item(s.before)}), ...(s.after === undefined ? {} : {after: item(s.after)}),
		...(s.overlay === undefined ? {} : {overlay: {...s.overlay, fields: list(s.overlay.fields)}}),
		// A commit subject from Git and a time from a base record (Git notes a remote may have written).
		...(s.overwrites === undefined ? {} : {overwrites: {
			...s.overwrites, ...(s.overwrites.since === undefined ? {} : {since: safeText(s.overwrites.since)}),
			...(s.overwrites.subject === undefined ? {} : {subject: safeText(s.overwrites.subject)}),
		}}),
	}));
	const plan = (value: Plan): Plan => once(value, (p) => ({
		...p, source: side(p.source), target: side(p.target), steps: p.steps.map(step), ...(p.notes === undefined ? {} : {notes: list(p.notes)}),
	}));
	const stepResult = (value: StepResult): StepResult => once(value, (r) => ({
		...r, key: identity(r.key), id: identity(r.id), name: safeText(r.name), ...(r.error === undefined ? {} : {error: safeText(r.error)}),
	}));
	const outcome = (value: OperationResult): OperationResult => once(value, (o) => ({
		...o, results: o.results.map(stepResult),
		...('pushError' in o && o.pushError !== undefined ? {pushError: safeText(o.pushError)} : {}),
		...('subject' in o && o.subject !== undefined ? {subject: safeText(o.subject)} : {}),
		...(o.baseError === undefined ? {} : {baseError: safeText(o.baseError)}),
	}) as OperationResult);
	const operation = (o: OperationEntry): OperationEntry => ({
		...o, id: identity(o.id), source: safeText(o.source), user: safeText(o.user), startedAt: safeText(o.startedAt),
		...(o.finishedAt === undefined ? {} : {finishedAt: safeText(o.finishedAt)}),
		...(o.commit === undefined ? {} : {commit: safeText(o.commit)}), ...(o.subject === undefined ? {} : {subject: safeText(o.subject)}),
		...(o.undoes === undefined ? {} : {undoes: safeText(o.undoes)}),
		...(o.undoBlocked === undefined ? {} : {undoBlocked: safeText(o.undoBlocked)}),
		...(o.undo?.operation === undefined ? {} : {undo: {operation: identity(o.undo.operation)}}),
		steps: o.steps.map((s) => ({
			...s, id: identity(s.id), ...(s.name === undefined ? {} : {name: safeText(s.name)}), ...(s.error === undefined ? {} : {error: safeText(s.error)}),
		})),
	});
	const history = (value: ItemHistory): ItemHistory => once(value, (h) => ({
		...h, ...(h.file === undefined ? {} : {file: safeText(h.file)}),
		revisions: h.revisions.map((r) => ({...r, commit: identity(r.commit), date: safeText(r.date), author: safeText(r.author), subject: safeText(r.subject)})),
		snapshots: h.snapshots.map((s) => ({...s, id: identity(s.id), time: safeText(s.time), operation: safeText(s.operation), action: safeText(s.action)})),
	}));
	const environment = (info: EnvironmentInfo): EnvironmentInfo => ({
		...info, dashboard: safeText(info.dashboard),
		git: {repo: safeText(info.git.repo), branch: safeText(info.git.branch), dir: safeText(info.git.dir)},
	});
	/** A failure's message, made safe: the views hook and screens show it as is. */
	const failed = (error: unknown): never => {
		if (error instanceof Error && error.name === 'AbortError') throw error;
		const message = errorMessage(error);
		if (isSafeText(message)) throw error;
		throw new Error(safeText(message));
	};
	const request = (value: PlanRequest): PlanRequest => {
		switch (value.type) {
			case 'publish':
			case 'dump': {
				const keys = value.selection?.keys;
				return {
					...value, ...(value.view === undefined ? {} : {view: raw(value.view)}),
					...(keys === undefined ? {} : {selection: {...value.selection, keys: keys.map(unalias)}}),
				};
			}
			case 'rollback':
				return {...value, id: unalias(value.id), version: value.version.type === 'git' ? {...value.version, commit: unalias(value.version.commit)} : {...value.version, id: unalias(value.version.id)}};
			case 'undo':
				return value.operation === undefined ? value : {...value, operation: unalias(value.operation)};
		}
	};
	const version = (value: Parameters<ConsoleServices['versionComparison']>[3]) =>
		value.type === 'git' ? {...value, commit: unalias(value.commit)} : {...value, id: unalias(value.id)};

	return {
		environments: () => services.environments().map(environment),
		loadEnvironment: (name, signal) => services.loadEnvironment(name, signal).then(view, failed),
		compareEnvironments: (base, other, signal) => services.compareEnvironments(base, other, signal).then(view, failed),
		plan: (value) => services.plan(request(value)).then((result): PlanResult => ({...result, plan: plan(result.plan), excluded: result.excluded.map(comparison)}), failed),
		apply: (value, onProgress, options) => services.apply(raw(value), (event: ProgressEvent) => onProgress(event.type === 'step' ? {...event, result: stepResult(event.result)} : event), options).then(outcome, failed),
		refreshView: (value, result, signal) => services.refreshView(raw(value), raw(result), signal).then(view, failed),
		history: (name, kind, id) => services.history(name, kind, unalias(id)).then(history, failed),
		versionComparison: (name, kind, id, at) => services.versionComparison(name, kind, unalias(id), version(at)).then(comparison, failed),
		compareOptions: () => services.compareOptions(),
		operations: (name) => services.operations(name).then((entries) => entries.map(operation), failed),
		savePlan: (value) => services.savePlan(raw(value)).then(safeText, failed),
		...(services.baseVersion === undefined ? {} : {
			baseVersion: (name: string, row: Comparison) => services.baseVersion!(name, raw(row)).then((base) => ({
				label: safeText(base.label), ...(base.item === undefined ? {} : {item: item(base.item)}), ...(base.note === undefined ? {} : {note: safeText(base.note)}),
			}), failed),
		}),
	};
}
