import type {KeyPress} from './keypress.js';

/**
 * Who gets a key first, top down: an overlay (the `?` help) above a text field (the Items filter, the typed name of a
 * protected environment) above the active screen above the app's own fallbacks (Esc pops, q quits, ? opens help).
 */
export type InputLayer = 'app' | 'screen' | 'text' | 'overlay';

const rank: Readonly<Record<InputLayer, number>> = {app: 0, screen: 1, text: 2, overlay: 3};

/** One listener in the stack, as its component last rendered it. */
export interface KeyHandler {
	readonly layer: InputLayer;
	/** Hidden screens and closed fields stay registered but inactive: they are skipped, not removed. */
	readonly isActive: boolean;
	/** Handles one key; `false` declines it, so it falls through to the next active handler down the stack. */
	onKey(key: KeyPress): boolean;
	/**
	 * Text fields only: a run of typed characters at the head of the queue arrives as one string, so a paste into the
	 * filter is one update instead of one render per character.
	 */
	onText?(text: string): void;
}

interface Entry {
	readonly order: number;
	readonly read: () => KeyHandler;
}

/**
 * The priority stack behind the input provider: plain data, no React, so the dispatch rules are unit-tested alone.
 * Handlers are read through a getter at dispatch time, so a key always meets the handlers of the latest commit.
 */
export class KeyStack {
	private entries: Entry[] = [];
	private added = 0;

	/** Registers a handler (within a layer, the latest registered is on top); returns its removal. */
	add(read: () => KeyHandler): () => void {
		const entry = {order: this.added++, read};
		this.entries.push(entry);
		return () => {
			this.entries = this.entries.filter((e) => e !== entry);
		};
	}

	/** The active handlers, top first. */
	active(): KeyHandler[] {
		return this.entries
			.map((entry) => ({entry, handler: entry.read()}))
			.filter(({handler}) => handler.isActive)
			.sort((a, b) => rank[b.handler.layer] - rank[a.handler.layer] || b.entry.order - a.entry.order)
			.map(({handler}) => handler);
	}

	/**
	 * Takes the next key off the queue and offers it top down until a handler takes it. When the top handler is a text
	 * field and the key types something, the whole run of typed keys at the head of the queue goes to it as one text.
	 */
	dispatchNext(queue: KeyPress[]): void {
		const key = queue.shift();
		if (key === undefined) return;
		const handlers = this.active();
		const top = handlers[0];
		if (top?.onText && key.text !== '') {
			let text = key.text;
			while (queue.length > 0 && queue[0]!.text !== '') text += queue.shift()!.text;
			top.onText(text);
			return;
		}
		for (const handler of handlers) {
			if (handler.onKey(key)) return;
		}
	}
}
