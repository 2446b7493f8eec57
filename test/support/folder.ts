import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** A temporary folder made before a file's tests (with `each`: before each test) and removed after them. */
export function temporaryFolder(prefix: string, { each = false } = {}): { readonly path: string } {
  const folder = { path: '' };
  (each ? beforeEach : beforeAll)(async () => {
    folder.path = await mkdtemp(join(tmpdir(), prefix));
  });
  (each ? afterEach : afterAll)(async () => {
    await rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}
