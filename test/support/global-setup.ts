import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs script without types
import { build } from '../../bench/build.mjs';

// The CLI tests run the real binary, which loads dist/: build it once before any test file runs.
export default function buildOnce(): void {
  build(fileURLToPath(new URL('../..', import.meta.url)), 'global-setup');
}
