/**
 * A window double for postMessage code (modelled on preact/signals' FakeWindow): it records what
 * is posted to it (`sentMessages`) and lets a test push `message` events in (`emitMessage`). It
 * does not clone data or deliver asynchronously; tests await the host's own promises instead.
 */
import type { MessageEventLike, MessageSource, MessageTarget } from "./zafHost";

/** One call of `postMessage` on the fake. */
export interface PostedMessage {
	message: unknown;
	targetOrigin: string;
}

export class FakeWindow implements MessageSource, MessageTarget {
	/** Everything posted to this window, in order. */
	readonly sentMessages: PostedMessage[] = [];
	private readonly listeners = new Set<(event: MessageEventLike) => void>();

	postMessage(message: unknown, targetOrigin: string): void {
		this.sentMessages.push({ message, targetOrigin });
	}

	addEventListener(_type: "message", listener: (event: MessageEventLike) => void): void {
		this.listeners.add(listener);
	}

	removeEventListener(_type: "message", listener: (event: MessageEventLike) => void): void {
		this.listeners.delete(listener);
	}

	/** Dispatches a `message` event to every listener. */
	emitMessage(data: unknown, origin: string, source: unknown): void {
		for (const listener of [...this.listeners]) listener({ data, origin, source });
	}

	/** The posted messages, JSON-parsed when they are strings. */
	parsedMessages(): Array<Record<string, unknown>> {
		return this.sentMessages.map(m => (typeof m.message === "string" ? JSON.parse(m.message) : m.message));
	}

	listenerCount(): number {
		return this.listeners.size;
	}
}
