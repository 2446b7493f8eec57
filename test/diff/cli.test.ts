import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFixture, expectOneLineError, noticePath, taizhang } from './helpers.js';
import { temporaryFolder } from '../support/folder.js';

const OLD = diffFixture('15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html');
const NEW = diffFixture('13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html');
const ANSI = /\u001b\[\d+(;\d+)*m/;

const scratch = temporaryFolder('taizhang-diff-cli-');

describe('taizhang diff', () => {
  it('prints the report on the terminal, counts first, without colour into a pipe', async () => {
    const run = await taizhang(['diff', OLD, NEW]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toMatch(ANSI);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('台账对比：2017年政务公开工作主要任务分解表 → 2018年政务公开工作主要任务分解表');
    expect(lines.findIndex((line) => line.startsWith('新增 '))).toBeLessThan(lines.findIndex((line) => line.startsWith('6.1.52 → 1.1.4')));
    expect(run.stdout).toContain('[-进一步做好-]{+推动+}人大代表');
  });

  it('colours the report when FORCE_COLOR asks, and not when NO_COLOR is all there is', async () => {
    expect((await taizhang(['diff', OLD, NEW], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await taizhang(['diff', OLD, NEW], { env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it('prints json with --format json', async () => {
    const run = await taizhang(['diff', OLD, NEW, '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.pairs).toContainEqual(expect.objectContaining({ old: '2.4.25', new: '1.2.6', kinds: ['changed', 'moved', 'units'] }));
  });

  it.each([
    ['report.html', '<!DOCTYPE html>'],
    ['report.md', '# 台账对比：'],
    ['report.json', '{'],
  ])('writes -o %s in the format of its extension', async (file, start) => {
    const target = join(scratch.path, 'out', file);
    const run = await taizhang(['diff', OLD, NEW, '-o', target]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await readFile(target, 'utf8')).startsWith(start)).toBe(true);
  });

  it('takes --threshold: a higher one pairs fewer tasks', async () => {
    const counts = async (args: string[]) => JSON.parse((await taizhang(['diff', OLD, NEW, '--format', 'json', ...args])).stdout).counts;
    const strict = await counts(['--threshold', '0.5']);
    const usual = await counts([]);
    expect(strict.added).toBeGreaterThan(usual.added);
    // Each pair undone is one more removed and one more added; a task merged or split is neither.
    expect(strict.removed - usual.removed - usual.merged).toBe(strict.added - usual.added - usual.split);
    expect(JSON.parse((await taizhang(['diff', OLD, NEW, '--format', 'json', '--threshold', '0.5'])).stdout).threshold).toBe(0.5);
  });

  it('reads ledgers parsed before (.json) as they are', async () => {
    const oldLedger = join(scratch.path, 'old.json');
    const newLedger = join(scratch.path, 'new.json');
    expect((await taizhang(['parse', OLD, '-o', oldLedger])).code).toBe(0);
    expect((await taizhang(['parse', NEW, '-o', newLedger])).code).toBe(0);
    const fromLedgers = await taizhang(['diff', oldLedger, newLedger, '--format', 'json']);
    const fromNotices = await taizhang(['diff', OLD, NEW, '--format', 'json']);
    expect(JSON.parse(fromLedgers.stdout).pairs).toEqual(JSON.parse(fromNotices.stdout).pairs);
  });

  it('reads --aliases files', async () => {
    const aliases = join(scratch.path, 'aliases.yaml');
    await writeFile(aliases, 'units:\n  - name: 乡村振兴局\n    formerly: [扶贫办]\n');
    const run = await taizhang(['diff', noticePath('yancheng-2016'), noticePath('yancheng-2016'), '--aliases', aliases, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).counts.unchanged).toBeGreaterThan(0);
  });

  it('refuses an output file whose format it cannot tell', async () => {
    expectOneLineError(await taizhang(['diff', OLD, NEW, '-o', join(scratch.path, 'report.txt')]), 'report.txt', '--format md|json|html|xlsx');
  });

  it('refuses a threshold outside 0–1', async () => {
    expectOneLineError(await taizhang(['diff', OLD, NEW, '--threshold', '1.5']), 'threshold', '0 to 1');
    expectOneLineError(await taizhang(['diff', OLD, NEW, '--threshold', 'high']), 'threshold');
  });

  it('names a missing input, a bad ledger and a missing alias file in one line', async () => {
    expectOneLineError(await taizhang(['diff', join(scratch.path, 'missing.txt'), NEW]), 'missing.txt', 'no such file');
    const notLedger = join(scratch.path, 'not-a-ledger.json');
    await writeFile(notLedger, '{"tasks": []}');
    expectOneLineError(await taizhang(['diff', notLedger, NEW]), 'not-a-ledger.json', 'not a taizhang/1 ledger');
    expectOneLineError(await taizhang(['diff', OLD, NEW, '--aliases', join(scratch.path, 'none.yaml')]), 'none.yaml');
  });

  it('reads standard input once only, and never overwrites an input', async () => {
    expectOneLineError(await taizhang(['diff', '-', '-']), 'standard input');
    const copy = join(scratch.path, 'copy.json');
    expect((await taizhang(['parse', OLD, '-o', copy])).code).toBe(0);
    const before = await stat(copy);
    expectOneLineError(await taizhang(['diff', copy, NEW, '-o', copy]), 'refusing to overwrite input file');
    expect((await stat(copy)).mtimeMs).toBe(before.mtimeMs);
  });

  it('lists its options in --help', async () => {
    const run = await taizhang(['diff', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--format', '--output', '--threshold', '--aliases']) expect(run.stdout).toContain(option);
  });
});
