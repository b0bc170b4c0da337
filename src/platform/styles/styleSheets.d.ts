/**
 * An on-demand part imports its style sheets for their effect (`import "./people.css"`): the build
 * links them with the part's chunk (scripts/chunkStyles.mjs); tests import them as nothing.
 */
declare module "*.css";
