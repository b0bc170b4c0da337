// @ts-check
/**
 * Lint: typescript-eslint's recommended rules (syntax only, fast) plus the import boundaries that
 * encode the layering described in docs/architecture.md. `npm run lint` runs this, prettier and knip.
 */
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const FEATURES = ["followUp", "people", "fields", "metadata", "history", "bulk"];
const banned = (...groups) => ({
	"@typescript-eslint/no-restricted-imports": [
		"error",
		{
			patterns: groups.flatMap(([group, message, allowTypeImports = false, regex]) => [
				{ group, message, allowTypeImports },
				...(regex ? [{ regex, message, allowTypeImports }] : []),
			]),
		},
	],
});
const NOT_TEST_CODE = [
	["**/sandbox/**", "**/e2e/**", "**/scripts/**", "**/testing/**"],
	"The shipped app never imports the sandbox, scripts or test helpers (src/testing is for tests only).",
];
const NO_UI_NO_IO = [
	[...["preact", "preact/*", "@preact/*", "**/platform/**", "**/ticket/**", "**/features/**", "**/ui/**", "**/app/**"]],
	"Pure rules import no UI, no signals, no REST client, no SDK: only other pure rules and src/shared.",
	false,
	// One level up from a rules/ folder is its feature's models and components; two levels up, another feature.
	`^\\.\\./([^./][^/]*|\\.\\./(${FEATURES.join("|")})/.*)$`,
];

export default tseslint.config(
	{
		ignores: [
			"dist/",
			"dist-maps/",
			"dist-dev/",
			"dist-dev-maps/",
			"dist-sandbox/",
			"tmp/",
			"coverage/",
			"e2e/artifacts/",
			"node_modules/",
		],
	},
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
	// Import boundaries (docs/architecture.md). Later blocks override earlier ones for the same files.
	{ files: ["src/**/*.{ts,tsx}"], ignores: ["**/*.test.{ts,tsx}", "src/testing/**"], rules: banned(NOT_TEST_CODE) },
	{
		files: ["src/platform/**", "src/ui/**", "src/shared/**", "src/ticket/**"],
		ignores: ["**/*.test.{ts,tsx}", "src/testing/**"],
		rules: banned(NOT_TEST_CODE, [
			["**/features/**", "**/app/**"],
			"Below the features: the platform, the ticket core, shared UI and pure vocabulary never import a feature or the app.",
		]),
	},
	{
		files: ["src/platform/**"],
		ignores: ["**/*.test.{ts,tsx}", "src/testing/**"],
		rules: banned(NOT_TEST_CODE, [
			["**/features/**", "**/app/**", "**/ticket/**", "**/ui/**"],
			"The platform (ZAF port, REST client, i18n, storage) is the bottom layer: it imports only src/shared.",
		]),
	},
	...FEATURES.map(feature => ({
		files: [`src/features/${feature}/**`],
		ignores: ["**/*.test.{ts,tsx}", "src/testing/**"],
		rules: banned(NOT_TEST_CODE, [
			FEATURES.filter(other => other !== feature).flatMap(other => [
				`**/features/${other}/**`,
				`../${other}/**`,
				`../../${other}/**`,
			]),
			"A feature never imports another feature: share through src/ticket, src/ui or src/shared, or compose in src/app.",
		]),
	})),
	{
		// Components render models; they never talk to ZAF themselves (types are fine).
		files: ["src/**/*.tsx"],
		ignores: ["**/*.test.tsx", "src/testing/**", "src/main.tsx", "src/app/mount.tsx"],
		rules: banned(NOT_TEST_CODE, [
			["**/platform/zaf/**"],
			"Components never import the ZAF port: use a model or the context.",
			true,
		]),
	},
	{
		files: ["src/features/*/rules/**", "src/shared/**", "src/ticket/metadata/metadata*.ts"],
		ignores: ["**/*.test.{ts,tsx}", "src/testing/**"],
		rules: banned(NOT_TEST_CODE, NO_UI_NO_IO),
	},
	{
		// Tests and their helpers read loosely typed JSON answers.
		files: ["**/*.test.{ts,tsx}", "e2e/**", "sandbox/emulator/testSupport.ts"],
		rules: { "@typescript-eslint/no-explicit-any": "off" },
	},
);
