import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The CLI tests run the real binary, which loads dist/: build it once before any test file runs.
export default function buildOnce(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', root], { cwd: root, stdio: 'inherit' });
  // tsc emits even when it finds type errors; those are `tsc --noEmit`'s business, and should not
  // stop the unit tests of someone halfway through an edit elsewhere.
  if (build.status !== 0) console.warn('global-setup: tsc reported errors; testing the JavaScript it emitted');
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) throw new Error('global-setup: build produced no dist/cli/main.js');
}
