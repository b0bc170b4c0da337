/** TEST ONLY: reading a captured response and asserting the emulator's answer has its keys. */
import { expect } from "vitest";
import { realResponse } from "./loadRealResponses";

/** The signed-in agent for `call(...)`. */
export const AGENT = { as: "agent@example.com" };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- captured JSON is read loosely
export type Json = Record<string, any>;
/** The body of the captured response `id`. */
export const body = (id: string) => realResponse(id).response.body as Json;
/** The sorted keys of an object. */
export const keys = (value: unknown) => Object.keys(value as object).sort();
/** Every key of `expected` is in `actual`. */
export const hasKeysOf = (actual: unknown, expected: unknown) =>
	expect(keys(actual)).toEqual(expect.arrayContaining(keys(expected)));
