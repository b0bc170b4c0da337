/** Style sheets are imported for effect: the build links them with the chunk (scripts/chunkStyles.mjs); tests ignore them. */
declare module "*.css";
