/**
 * The translation files bundled into the app. `build.mjs` strips their `app` section (Zendesk reads
 * it from `translations/`, the UI never does), so only UI strings reach the bundle.
 */
import de from "../../translations/de.json";
import en from "../../translations/en.json";
import fr from "../../translations/fr.json";
import type { Bundle } from "./createTranslator";

/** Every locale we ship, by code. `en` is the fallback of every chain. */
export const BUNDLES: Record<string, Bundle> = { en, de, fr };
