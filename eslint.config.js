// @ts-check
/**
 * Lint: typescript-eslint's recommended rules (syntax only, fast) plus the import boundaries that
 * encode the layering described in docs/architecture.md. `npm run lint` runs this, prettier and knip.
 */
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
	{ ignores: ["dist/", "dist-maps/", "dist-sandbox/", "tmp/", "coverage/", "e2e/artifacts/", "node_modules/"] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			"@typescript-eslint/no-unused-vars": [
				"error",
				{ argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
			],
			"@typescript-eslint/consistent-type-imports": "error",
			"no-restricted-syntax": [
				"error",
				{ selector: "CallExpression[callee.name='eval']", message: "No eval: the app must run under a strict CSP." },
			],
		},
	},
	{
		// Tests and their helpers read loosely typed JSON answers.
		files: ["**/*.test.{ts,tsx}", "e2e/**", "sandbox/emulator/testSupport.ts"],
		rules: { "@typescript-eslint/no-explicit-any": "off" },
	},
);
