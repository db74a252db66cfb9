// Ink lays out its frames with yoga, whose WebAssembly is compiled asynchronously. As an ES module, yoga-layout
// waits for it with a top-level await before Ink can load. leaf's browser runs as one CommonJS script
// (scripts/build.mjs), which cannot await at its top level: there yoga-layout exports the wait as `yogaReady`
// instead (scripts/build-plugins.mjs, scriptAwaits), and the browser awaits this before Ink draws.
import * as yoga from 'yoga-layout';

export const layoutEngineReady: Promise<void> = Promise.resolve(
	(yoga as unknown as {yogaReady?: Promise<void>}).yogaReady,
);
