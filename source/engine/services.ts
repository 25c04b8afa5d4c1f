import type {Blame} from '../core/blame.js';
import type {CompareOptions} from '../core/compare.js';
import type {Comparison, StatusCounts} from '../core/status.js';
import type {Item, Kind} from '../core/item.js';
import type {Selection} from '../core/selection.js';
import type {Action, OperationResult, Plan, ProgressEvent, SideRef, StepStatus} from '../core/plan.js';
import type {PlanRequest, PlanResult} from './plans.js';
import type {ViewOverlay} from './overlays.js';

/**
 * The one seam between the console (ui/) and the world: the UI receives an implementation as a prop and never does
 * I/O itself. The engine implements it over the real sources; component tests pass a small in-memory one.
 */
export interface ConsoleServices {
	environments(): readonly EnvironmentInfo[];
	/** Loads Git and live for one environment and compares them; rejects only on a programming error or an abort. */
	loadEnvironment(name: string, signal?: AbortSignal): Promise<EnvironmentView>;
	/** Compares the live states of two environments (left = `base`, right = `other`). */
	compareEnvironments(base: string, other: string, signal?: AbortSignal): Promise<EnvironmentView>;
	/** The plan a request describes; with a `view` it is made from that comparison, reading nothing again. */
	plan(request: PlanRequest): Promise<PlanResult>;
	/** Applies a confirmed plan; a dump commits with `options.dump.message` when the user wrote one. */
	apply(plan: Plan, onProgress: (event: ProgressEvent) => void, options?: ConsoleApplyOptions): Promise<OperationResult>;
	/**
	 * A held view brought up to date after an apply (the same object when the apply did not touch it): exactly the
	 * rows the apply wrote change, from what the apply read back.
	 */
	refreshView(view: EnvironmentView, result: OperationResult, signal?: AbortSignal): Promise<EnvironmentView>;
	history(environment: string, kind: Kind, id: string): Promise<ItemHistory>;
	/** The item as it was at a version, compared with live, for the history diff. */
	versionComparison(environment: string, kind: Kind, id: string, version: VersionRef): Promise<Comparison>;
	/**
	 * How items are compared (the config's `ignore` paths), so the Diff screen hides exactly the fields the comparison
	 * ignored and never shows a "changed" item with no visible change.
	 */
	compareOptions(): CompareOptions;
	/**
	 * Every operation on one environment, newest first: the journal's (with their steps, outcome and whether an undo
	 * can restore them) and those only the audit log still knows. The operations log (`@`) shows them.
	 */
	operations(environment: string): Promise<readonly OperationEntry[]>;
	/**
	 * Saves a plan that writes a Dashboard to a new file in the working directory (mode 0600), for `tyk-console apply`
	 * to apply exactly as it was shown; resolves with the file's path.
	 */
	savePlan(plan: Plan): Promise<string>;
	/**
	 * The item as it was at its base (the content the last write through tyk-console left on both sides), read from
	 * the Git commit the base matches, for the Diff screen's base pairs (`b`). Optional: a console without a base
	 * store says so.
	 */
	baseVersion?(environment: string, comparison: Comparison): Promise<BaseVersion>;
}

/**
 * An item at its base: `item` (absent when the base says the item did not exist then), a label naming when and which
 * commit, and `note` when there is no content to show (no base recorded, or one whose content is not in Git).
 */
export interface BaseVersion {
	readonly label: string;
	readonly item?: Item;
	readonly note?: string;
}

/** What the console can say about an apply beyond the plan: for a dump, the commit message the user wrote. */
export interface ConsoleApplyOptions {
	readonly dump?: {readonly message?: string};
}

/** What an operation did; a publish from another environment's live state is a migration. */
export type OperationKind = 'dump' | 'publish' | 'migration' | 'rollback' | 'undo';

/**
 * How an operation ended: `interrupted` has no finish record and its process is gone (killed, or its journal failed);
 * `running` has none yet and its process still holds the environment's lock.
 */
export type OperationOutcome = 'ok' | 'partly failed' | 'failed' | 'interrupted' | 'running';

/** One item an operation wrote (or meant to). */
export interface OperationStepEntry {
	readonly kind: Kind;
	readonly id: string;
	/** Known from the journal's result or pre-image; older journals and the audit log may not say. */
	readonly name?: string;
	/** Absent when only a pre-image was saved: the run stopped before it recorded what it did. */
	readonly action?: Action;
	/** `unknown`: a pre-image without a result, so the write may or may not have landed. */
	readonly status: StepStatus | 'unknown';
	readonly error?: string;
}

/** One operation on an environment, as the operations log lists it. */
export interface OperationEntry {
	readonly id: string;
	/** Undefined only for an operation the audit log alone knows, when its source does not tell. */
	readonly kind?: OperationKind;
	/** Readable source, e.g. `git main@3f2a1c9`, `live staging`, `before 20261203T…`. */
	readonly source: string;
	readonly user: string;
	readonly startedAt: string;
	readonly finishedAt?: string;
	readonly outcome: OperationOutcome;
	readonly steps: readonly OperationStepEntry[];
	/** For a dump: the commit it made, and its subject (journals before subjects were recorded lack it). */
	readonly commit?: string;
	readonly subject?: string;
	/** For an undo: the operation it restored. */
	readonly undoes?: string;
	/** Only the audit log has it: its journal file is gone (it cannot be undone). */
	readonly auditOnly?: boolean;
	/**
	 * How to undo it: the operation to name in the undo request, or none (a plain undo, which finishes an interrupted
	 * undo rather than undoing it). Absent when it cannot be undone; `undoBlocked` says why.
	 */
	readonly undo?: {readonly operation?: string};
	readonly undoBlocked?: string;
}

export interface EnvironmentInfo {
	readonly name: string;
	readonly dashboard: string;
	readonly protected: boolean;
	readonly readOnly: boolean;
	readonly git: {readonly repo: string; readonly branch: string; readonly dir: string};
}

export type Reachability = 'ok' | 'auth-failed' | 'unreachable' | 'tls-error' | 'error';

/** One environment after loading: reachability, counts, drift and the compared items. */
export interface EnvironmentView {
	readonly name: string;
	readonly reachability: Reachability;
	/** Why it is not `ok`, one sentence. */
	readonly reason?: string;
	/** A Git-side problem (unknown ref, missing .tyk.json) that does not stop live from loading. */
	readonly gitError?: string;
	readonly left: SideRef;
	readonly right: SideRef;
	/** Short commit of the Git side, when it is Git. */
	readonly commit?: string;
	/** Full hash of the Git side's commit, for machine-readable output. */
	readonly fullCommit?: string;
	readonly counts: Readonly<Record<Kind, number>>;
	readonly drift: StatusCounts;
	readonly comparisons: readonly Comparison[];
	/** Count of server-managed fields hidden by normalisation, per comparison key. */
	readonly hidden: Readonly<Record<string, number>>;
	/** Set when only these items were read and compared (counts still cover the whole Dashboard). */
	readonly selection?: Selection;
	/** The Git side has no `.tyk.json` at its ref (read as empty): a prune from it would delete everything. */
	readonly sourceEmpty?: boolean;
	/** Source files whose item could not be identified: they hide what the source lacks. */
	readonly unreadable?: readonly string[];
	/**
	 * When one side could not be read (a Dashboard down, a missing secret, an unknown ref): the side that was read, on
	 * its own, so a failing Dashboard never wipes what Git holds from the screen. The rows say only what that side
	 * knows (`only-in-git` / `only-live` for a readable item, `invalid` / `conflict` as read); the other side is
	 * unknown. `comparisons` stays empty and `drift` zero, so nothing is planned or counted from half a comparison.
	 */
	readonly partial?: {readonly side: 'left' | 'right'; readonly rows: readonly Comparison[]};
	/** What reading the Git side noticed but worked around (a file listed twice, a template without org_id). */
	readonly notes?: readonly string[];
	/**
	 * The environment's overlay (`.tyk-console/overlays/<name>.yaml`): which fields of the source side it gave, per
	 * comparison key; absent when the environment has none. The diff marks those fields, plans list them.
	 */
	readonly overlay?: ViewOverlay;
	/**
	 * Who last changed the live side of changed items, per comparison key (`core/blame.ts`): from the journal when
	 * tyk-console wrote what is live, else from the Dashboard's audit log. Only `diff` and the console load it.
	 */
	readonly blame?: Readonly<Record<string, Blame>>;
}

export type VersionRef = {readonly type: 'git'; readonly commit: string} | {readonly type: 'snapshot'; readonly id: string};

export interface ItemHistory {
	/** The item's file in the layout (where its Git revisions were looked up). */
	readonly file?: string;
	readonly revisions: readonly {readonly commit: string; readonly date: string; readonly author: string; readonly subject: string}[];
	readonly snapshots: readonly {readonly id: string; readonly time: string; readonly operation: string; readonly action: string}[];
}
