// Builds dist/ (and its bundle, dist/bundle/) from the current source: before a benchmark measures it, and before the tests run
// the real binary (test/support/global-setup.ts).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildData } from '../scripts/build-data.mjs';

/** `who` names the caller in messages. */
export function build(root, who = 'bench') {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', root], { cwd: root, stdio: 'inherit' });
  // tsc emits despite type errors (those are `tsc --noEmit`'s business): a colleague's
  // half-finished edit elsewhere should not block the bench or the tests.
  if (result.status !== 0) console.warn(`${who}: tsc reported errors; using the JavaScript it emitted`);
  for (const entry of ['pipeline.js', 'cli/main.js']) {
    if (!existsSync(`${root}dist/${entry}`)) throw new Error(`${who}: the build produced no dist/${entry}`);
  }
  buildData(root);
  // The bundle the binary starts from (scripts/bundle.mjs), so that tests and benchmarks run what a user runs.
  const bundled = spawnSync(process.execPath, [`${root}scripts/bundle.mjs`], { cwd: root, stdio: 'inherit' });
  if (bundled.status !== 0) throw new Error(`${who}: bundling dist/ failed`);
}
