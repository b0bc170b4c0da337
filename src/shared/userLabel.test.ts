import { describe, expect, it } from "vitest";
import { userLabel } from "./userLabel";

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
