import { describe, expect, it } from "vitest";
import { attemptFor, createIdempotencyKey, fingerprintBody } from "./idempotencyKey";

/** A deterministic byte source: 0, 1, 2, ... continuing across calls. */
function counterBytes() {
	let next = 0;
	return (bytes: Uint8Array<ArrayBuffer>) => {
		for (let i = 0; i < bytes.length; i++) bytes[i] = next++ & 0xff;
		return bytes;
	};
}

describe("createIdempotencyKey", () => {
	it("formats 128 random bits as hex with a prefix", () => {
		expect(createIdempotencyKey(counterBytes())).toBe("followup-000102030405060708090a0b0c0d0e0f");
	});

	it("gives different keys on each call with real randomness", () => {
		const keys = new Set(Array.from({ length: 50 }, () => createIdempotencyKey()));
		expect(keys.size).toBe(50);
		for (const key of keys) expect(key).toMatch(/^followup-[0-9a-f]{32}$/);
	});
});

describe("fingerprintBody", () => {
	it("is stable for equal bodies", () => {
		expect(fingerprintBody({ ticket: { comment: { body: "a" } } })).toBe(
			fingerprintBody({ ticket: { comment: { body: "a" } } }),
		);
	});

	const different: Array<[unknown, unknown]> = [
		[{ a: "x" }, { a: "y" }],
		[{ a: "ab" }, { a: "ba" }],
		[{ a: 1 }, { a: "1" }],
		[{ a: [1, 2] }, { a: [2, 1] }],
	];
	it.each(different)("tells %j and %j apart", (a, b) => {
		expect(fingerprintBody(a)).not.toBe(fingerprintBody(b));
	});

	it("does not throw for undefined", () => {
		expect(fingerprintBody(undefined)).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe("attemptFor", () => {
	const body = { ticket: { comment: { body: "hello" } } };

	it("starts a fresh key for the first attempt", () => {
		const attempt = attemptFor(null, body, counterBytes());
		expect(attempt).toEqual({ key: "followup-000102030405060708090a0b0c0d0e0f", fingerprint: fingerprintBody(body) });
	});

	it("reuses the key when the same body is sent again (a retry)", () => {
		const random = counterBytes();
		const first = attemptFor(null, body, random);
		expect(attemptFor(first, structuredClone(body), random)).toBe(first);
	});

	it("rotates the key when the body changed (Zendesk refuses a reused key with another body)", () => {
		const random = counterBytes();
		const first = attemptFor(null, body, random);
		const second = attemptFor(first, { ticket: { comment: { body: "hello!" } } }, random);
		expect(second.key).not.toBe(first.key);
		expect(second.fingerprint).not.toBe(first.fingerprint);
	});
});
