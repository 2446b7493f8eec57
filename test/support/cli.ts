// Runs the built binary (test/support/global-setup.ts builds dist/) and collects what it prints.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'taizhang.js');
export const NOTICES = join(ROOT, 'fixtures', 'notices');
/** Colour, cursor movement, line clearing: what a progress bar or coloured output would leave. */
export const TERMINAL_CONTROL = /\u001b\[|\r/;
export const STACK_FRAME = /^\s+at /m;

/** Stderr without the lines of the inputs' warnings, which every output reports there. */
export function withoutWarnings(stderr: string): string {
  return stderr.replace(/^taizhang: .*?: (warning|警告) .*\n/gm, '');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function taizhang(
  args: readonly string[],
  { input, env = {}, cwd = ROOT }: { input?: Uint8Array; env?: Record<string, string>; cwd?: string } = {},
): Promise<Run> {
  // Colour settings of the test runner's own environment must not leak into the child.
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...inherited, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Writes `bytes` as `name` into `folder`, parses it with `-o`, and checks the refusal: exit 2, one
 * line on stderr matching `message`, no stack trace, no output file.
 */
export async function expectParseRefused(folder: string, name: string, bytes: Uint8Array, message: RegExp): Promise<void> {
  const { existsSync } = await import('node:fs');
  const { writeFile } = await import('node:fs/promises');
  const { expect } = await import('vitest');
  const input = join(folder, name);
  const output = join(folder, `${name}.json`);
  await writeFile(input, bytes);
  const run = await taizhang(['parse', input, '-o', output]);
  expect([run.code, run.stderr.trim().split('\n').length]).toEqual([2, 1]);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(existsSync(output)).toBe(false);
}
