// Builds dist/ so that a benchmark measures the current source.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function build(root) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', root], { cwd: root, stdio: 'inherit' });
  // tsc emits despite type errors: a colleague's half-finished edit should not block the bench.
  if (result.status !== 0) console.warn('bench: tsc reported errors; measuring the JavaScript it emitted');
  if (!existsSync(`${root}dist/pipeline.js`)) throw new Error('bench: the build produced no dist/pipeline.js');
}
