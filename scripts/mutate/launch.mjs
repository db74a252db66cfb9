// Stryker's tap runner starts `node -r <its hook> scripts/mutate/launch.mjs tests/x/y.test.ts` for each test file;
// this runs the JavaScript that scripts/mutate/build.mjs wrote beside it. Keeping the .ts name as the test's id
// lets incremental runs match tests to the files in the checkout.
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

// The corpus beside the checkout is not beside the sandbox: its tests skip here, whatever CI asks of them.
delete process.env.LEAF_REQUIRE_CORPUS;
await import(pathToFileURL(resolve(process.argv[2].replace(/\.ts$/, '.js'))).href);
