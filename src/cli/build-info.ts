// Values esbuild writes into the bundle (scripts/build.mjs). Under tsx they are undefined and
// the fallbacks below apply.
declare const __LEAF_VERSION__: string | undefined;
declare const __LEAF_CONTENT__: string | undefined;

export const version: string = typeof __LEAF_VERSION__ === 'string' ? __LEAF_VERSION__ : '0.0.0-dev';

/** The bundled manual: `content/` next to `dist/` in the bundle, two levels up from src/cli/ otherwise. */
export const bundledContent: URL = new URL(
	typeof __LEAF_CONTENT__ === 'string' ? __LEAF_CONTENT__ : '../../content/',
	import.meta.url,
);
