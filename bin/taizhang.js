#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/bundle/ is the CLI of dist/ in a few files (scripts/bundle.mjs), quicker to start; it is
// used only when built after dist/, so that a plain `tsc` never leaves the CLI running stale code.
function bundleIsFresh() {
  try {
    return statSync(new URL('../dist/bundle/main.js', import.meta.url)).mtimeMs >= statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

let run;
if (bundleIsFresh()) {
  const { loadBundle } = await import('../dist/cli/bundle.js');
  ({ run } = loadBundle(fileURLToPath(new URL('../dist/bundle/', import.meta.url)))('main.js'));
} else {
  ({ run } = await import('../dist/cli/main.js'));
}
await run(process.argv);
