// The tracking commands run in a scratch folder on its database (test/track-*.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Run, STACK_FRAME, taizhang } from './cli.js';

export interface Scratch {
  /** The folder the commands run in. */
  dir: string;
  db: string;
  /** Runs a command with --db, never with a stack trace. */
  run(...args: string[]): Promise<Run>;
  /** Runs a command with --format json that must succeed quietly; its output parsed. */
  json(...args: string[]): Promise<any>;
}

/** A scratch folder made before the file's tests and removed after them. */
export function scratchFolder(prefix: string): Scratch {
  const scratch: Scratch = {
    dir: '',
    db: '',
    async run(...args) {
      const result = await taizhang([...args, '--db', scratch.db], { cwd: scratch.dir });
      expect(result.stderr).not.toMatch(STACK_FRAME);
      return result;
    },
    async json(...args) {
      const result = await scratch.run(...args, '--format', 'json');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout);
    },
  };
  beforeAll(async () => {
    scratch.dir = await mkdtemp(join(tmpdir(), prefix));
    scratch.db = join(scratch.dir, 'taizhang.db');
  });
  afterAll(async () => {
    await rm(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
