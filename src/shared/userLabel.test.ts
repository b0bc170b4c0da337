import { describe, expect, it } from "vitest";
import { splitUserLabel, userLabel } from "./userLabel";

describe("userLabel", () => {
	it.each([
		{ name: "Hannah Schmidt", email: "hannah@example.com", label: "Hannah Schmidt <hannah@example.com>" },
		{ name: "Hannah Schmidt", email: null, label: "Hannah Schmidt" },
		{ name: "Hannah Schmidt", email: "", label: "Hannah Schmidt" },
		{ name: "<b>Bold</b>", email: "b@example.com", label: "<b>Bold</b> <b@example.com>" },
	])("reads $name / $email as $label", ({ name, email, label }) => {
		expect(userLabel({ name, email })).toBe(label);
	});
});

describe("splitUserLabel", () => {
	it.each([
		["Hannah Schmidt <hannah@example.com>", { name: "Hannah Schmidt", email: "hannah@example.com" }],
		["Hannah Schmidt", { name: "Hannah Schmidt", email: null }],
		["<b>Bold</b> <b@example.com>", { name: "<b>Bold</b>", email: "b@example.com" }],
		["  Ann  ", { name: "Ann", email: null }],
	])("splits %s", (label, parts) => {
		expect(splitUserLabel(label)).toEqual(parts);
	});

	it("gives back what userLabel joined", () => {
		const user = { name: "Noah Fischer", email: "noah@example.org" };
		expect(splitUserLabel(userLabel(user))).toEqual(user);
	});
});
