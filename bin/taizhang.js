#!/usr/bin/env node
import { statSync } from 'node:fs';

// dist/bundle/ is the CLI of dist/ in a few files (scripts/bundle.mjs), quicker to start; it is
// used only when built after dist/, so that a plain `tsc` never leaves the CLI running stale code.
function bundleIsFresh() {
  try {
    return statSync(new URL('../dist/bundle/main.js', import.meta.url)).mtimeMs >= statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

const { run } = await (bundleIsFresh() ? import('../dist/bundle/main.js') : import('../dist/cli/main.js'));
await run(process.argv);
