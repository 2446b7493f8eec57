// A folder of notices from an old archive: names in GBK, which are not UTF-8. Node decodes such a
// name with U+FFFD for each bad byte, a name no file has: the folder walk keeps the bytes.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES, taizhang } from '../support/cli.js';

const NOTICE = readFileSync(join(NOTICES, 'yancheng-2016.txt'));
/** 测试 in GBK. */
const GBK_NAME = Buffer.from([0xb2, 0xe2, 0xca, 0xd4]);
const inFolder = (folder: string, ...names: Buffer[]): Buffer => Buffer.concat([Buffer.from(folder), ...names.flatMap((name) => [Buffer.from('/'), name])]);

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'taizhang-names-'));
  const notices = join(folder, 'notices');
  mkdirSync(notices);
  writeFileSync(inFolder(notices, Buffer.concat([GBK_NAME, Buffer.from('.txt')])), NOTICE);
  // A folder whose own name is not UTF-8, with a notice named in UTF-8 inside.
  mkdirSync(inFolder(notices, GBK_NAME));
  writeFileSync(inFolder(notices, GBK_NAME, Buffer.from('要点.txt')), NOTICE);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('parse DIR with names that are not UTF-8', () => {
  it('reads every notice, each named with U+FFFD for the bytes that are not UTF-8', async () => {
    const run = await taizhang(['parse', join(folder, 'notices'), '--jsonl', '--quiet']);
    expect(run.stderr).not.toMatch(/no such file/);
    expect(run.code).toBe(0);
    const ledgers = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: { name: string }; tasks: unknown[] });
    const names = ledgers.map((ledger) => ledger.source.name);
    expect(names).toHaveLength(2);
    expect(names).toContain('要点.txt');
    expect(names.find((name) => name !== '要点.txt')).toMatch(/^\uFFFD+\.txt$/);
    for (const ledger of ledgers) expect(ledger.tasks.length).toBeGreaterThan(0);
  });

  it('writes their ledgers into an output folder under the same names', async () => {
    const out = join(folder, 'out');
    const run = await taizhang(['parse', join(folder, 'notices'), '-o', `${out}/`, '--quiet']);
    expect(run.code).toBe(0);
    const written = readdirSync(out);
    expect(written).toHaveLength(2);
    expect(written.find((name) => name.endsWith('.json'))).toMatch(/^\uFFFD+\.json$/);
    expect(readdirSync(join(out, written.find((name) => !name.endsWith('.json'))!))).toEqual(['要点.json']);
  });
});
