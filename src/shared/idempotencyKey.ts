/**
 * `Idempotency-Key` for creates (`zendesk-ticket-api.md` §4.1): same key and body replays the first answer, another
 * body is a 400. So an unchanged draft's retries reuse its key (no duplicate after a timeout), an edit gets a new one.
 */

/** Fills a byte array with random values (Web Crypto's `getRandomValues` by default; injectable for tests). */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;

const defaultRandom: RandomBytes = bytes => {
	globalThis.crypto.getRandomValues(bytes);
	return bytes;
};

/** A new key: `followup-` and 128 random bits in hex (`getRandomValues`: `randomUUID` needs a secure context). */
export function createIdempotencyKey(random: RandomBytes = defaultRandom): string {
	const bytes = random(new Uint8Array(16));
	let hex = "";
	for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
	return `followup-${hex}`;
}

/** The key last sent for a draft and the fingerprint of the body it was sent with. */
export interface IdempotencyAttempt {
	key: string;
	fingerprint: string;
}

/** A short fingerprint of a body (FNV-1a over its JSON, 2×32 bits, hex); not a security hash. */
export function fingerprintBody(body: unknown): string {
	const text = JSON.stringify(body) ?? "";
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
	}
	return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** The attempt to send `body` with: the previous one for an unchanged body (a retry), else a fresh key. */
export function attemptFor(
	previous: IdempotencyAttempt | null,
	body: unknown,
	random: RandomBytes = defaultRandom,
): IdempotencyAttempt {
	const fingerprint = fingerprintBody(body);
	if (previous !== null && previous.fingerprint === fingerprint) return previous;
	return { key: createIdempotencyKey(random), fingerprint };
}
