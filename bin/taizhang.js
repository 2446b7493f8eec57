#!/usr/bin/env node
// CommonJS (bin/package.json): a CommonJS entry starts without Node's ES module loader, which the
// bundled CLI does not need (src/cli/bundle.ts loads it).
'use strict';
const { statSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');

// dist/bundle/ is the CLI of dist/ in a few files (scripts/bundle.mjs), quicker to start; it is
// used only when built after dist/, so that a plain `tsc` never leaves the CLI running stale code.
function bundleIsFresh() {
  try {
    return statSync(join(dist, 'bundle', 'main.js')).mtimeMs >= statSync(join(dist, 'cli', 'main.js')).mtimeMs;
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  const { loadBundle } = require(join(dist, 'bundle', 'start.js'));
  loadBundle(join(dist, 'bundle'))('main.js').run(process.argv);
} else {
  import('../dist/cli/main.js').then(({ run }) => run(process.argv));
}
