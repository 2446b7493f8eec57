import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { reportFailure, worseExitCode } from '../../src/batch/report.js';
import { InputError } from '../../src/errors.js';
import { NOTICES, ROOT, STACK_FRAME, taizhang, type Run, withoutWarnings } from '../support/cli.js';
import { temporaryFolder } from '../support/folder.js';

// These tests run the built binary and check the shape of what comes out; the tasks in it are
// the golden tests' business.

const NOTICE = join(NOTICES, 'taishan-2019.txt');
const ANSI = /\u001b\[\d+(;\d+)*m/;

/** Exit 2 and one line on stderr, besides the warnings of the inputs that were read. */
function expectOneLineError(run: Run, ...fragments: string[]): void {
  const stderr = withoutWarnings(run.stderr);
  expect(run.code).toBe(2);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.startsWith('taizhang: ')).toBe(true);
  for (const fragment of fragments) expect(stderr).toContain(fragment);
}

function expectLedgerJson(text: string, sourceName: string): void {
  const ledger = JSON.parse(text);
  expect(ledger.schema).toBe('taizhang/1');
  expect(ledger.source.name).toBe(sourceName);
  expect(Array.isArray(ledger.tasks)).toBe(true);
}

const scratch = temporaryFolder('taizhang-cli-');

/** A fresh folder for one test. */
async function folder(name: string): Promise<string> {
  const path = join(scratch.path, name);
  await mkdir(path, { recursive: true });
  return path;
}

describe('taizhang', () => {
  it('prints its version', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const run = await taizhang(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  it('prints help that lists the parse command', async () => {
    const run = await taizhang(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('parse');
    expect((await taizhang(['parse', '--help'])).stdout).toContain('--output');
  });

  it('rejects an unknown option with exit code 2', async () => {
    const run = await taizhang(['parse', '--no-such-option', NOTICE]);
    expectOneLineError(run, '--no-such-option');
  });
});

describe('taizhang parse', () => {
  it('prints an outline without colour when stdout is not a terminal', async () => {
    const run = await taizhang(['parse', NOTICE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('项任务');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('colours the outline with FORCE_COLOR and not with NO_COLOR', async () => {
    expect((await taizhang(['parse', NOTICE], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    const run = await taizhang(['parse', NOTICE], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('prints a taizhang/1 ledger with --format json, for every fixture', async () => {
    for (const name of await readdir(NOTICES)) {
      const run = await taizhang(['parse', '--format', 'json', join(NOTICES, name)]);
      expect(run.code).toBe(0);
      expectLedgerJson(run.stdout, name);
    }
  });

  it('passes --encoding through', async () => {
    const run = await taizhang(['parse', '--encoding', 'utf-8', '--format', 'json', NOTICE]);
    expect(run.code).toBe(0);
    expectLedgerJson(run.stdout, 'taishan-2019.txt');
  });

  it('reads standard input for -', async () => {
    const run = await taizhang(['parse', '--format', 'json', '-'], { input: await readFile(NOTICE) });
    expect(run.code).toBe(0);
    expectLedgerJson(run.stdout, '-');
  });

  it('infers the format from the -o extension and creates missing folders', async () => {
    const out = await folder('inferred');
    const targets = ['a.json', 'a.yaml', 'b.yml', 'a.csv', 'a.md', 'deeper/still/a.json'].map((name) => join(out, name));
    for (const target of targets) {
      const run = await taizhang(['parse', NOTICE, '-o', target]);
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(withoutWarnings(run.stderr)).toBe('');
    }
    expectLedgerJson(await readFile(join(out, 'a.json'), 'utf8'), 'taishan-2019.txt');
    expect(parseYaml(await readFile(join(out, 'a.yaml'), 'utf8'), { version: '1.1' }).schema).toBe('taizhang/1');
    expect(parseYaml(await readFile(join(out, 'b.yml'), 'utf8')).schema).toBe('taizhang/1');
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toMatch(/^\ufeff序号,编号,/);
    expect(await readFile(join(out, 'a.md'), 'utf8')).toMatch(/^# .+\n[^]*\| 序号 \| 编号 \|/);
    expectLedgerJson(await readFile(join(out, 'deeper/still/a.json'), 'utf8'), 'taishan-2019.txt');
  });

  it('lets --format override the -o extension, and --header en switch the csv headers', async () => {
    const target = join(await folder('override'), 'ledger.txt');
    const run = await taizhang(['parse', NOTICE, '--format', 'csv', '--header', 'en', '-o', target]);
    expect(run.code).toBe(0);
    expect(await readFile(target, 'utf8')).toMatch(/^\ufeffseq,id,section1,/);
  });

  it('refuses an -o whose format it cannot tell', async () => {
    const target = join(await folder('unknown'), 'ledger.txt');
    expectOneLineError(await taizhang(['parse', NOTICE, '-o', target]), 'ledger.txt', '--format');
  });

  it('writes one ledger per input into the -o directory', async () => {
    const out = join(await folder('many'), 'out');
    const notices = (await readdir(NOTICES)).map((name) => join(NOTICES, name));
    const run = await taizhang(['parse', ...notices, '-o', out]);
    expect(run.code).toBe(0);
    expect(withoutWarnings(run.stderr)).toBe('');
    const written = (await readdir(out)).sort();
    expect(written).toEqual(notices.map((notice) => basename(notice, '.txt') + '.json').sort());
    for (const name of written) {
      expectLedgerJson(await readFile(join(out, name), 'utf8'), name.replace(/\.json$/, '.txt'));
    }
  });

  it('writes into -o when it ends with / or is a directory, in the --format asked', async () => {
    const out = await folder('directory');
    expect((await taizhang(['parse', NOTICE, '-o', `${out}/new/`])).code).toBe(0);
    expect(await readdir(join(out, 'new'))).toEqual(['taishan-2019.json']);
    expect((await taizhang(['parse', NOTICE, '--format', 'md', '-o', out])).code).toBe(0);
    expect(await readdir(out)).toContain('taishan-2019.md');
    const fromStdin = await taizhang(['parse', '-', '-o', `${out}/`], { input: await readFile(NOTICE) });
    expect(fromStdin.code).toBe(0);
    expectLedgerJson(await readFile(join(out, 'stdin.json'), 'utf8'), '-');
  });

  it('refuses several inputs into one ledger file, or onto stdout in a file format', async () => {
    const other = join(NOTICES, 'luan-2017.txt');
    const target = join(await folder('merged'), 'all.json');
    expectOneLineError(await taizhang(['parse', NOTICE, other, '-o', target]), 'all.json');
    expectOneLineError(await taizhang(['parse', NOTICE, other, '--format', 'json']), '-o DIR');
  });

  it('refuses two inputs that would write the same output file', async () => {
    const copy = join(await folder('twins'), 'taishan-2019.txt');
    await copyFile(NOTICE, copy);
    const out = join(scratch.path, 'twins-out');
    expectOneLineError(await taizhang(['parse', NOTICE, copy, '-o', out]), 'taishan-2019.json');
  });

  it('reports a missing file in one line naming it, without a stack trace', async () => {
    const run = await taizhang(['parse', 'no-such-notice.txt']);
    expectOneLineError(run, 'no-such-notice.txt');
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stdout).toBe('');
  });

  it('goes on past a bad input and exits 2 at the end', async () => {
    const out = join(await folder('partly'), 'out');
    const run = await taizhang(['parse', 'no-such-notice.txt', NOTICE, '-o', out]);
    expectOneLineError(run, 'no-such-notice.txt');
    expect(await readdir(out)).toEqual(['taishan-2019.json']);
  });

  it('refuses to overwrite an input file', async () => {
    const input = join(await folder('overwrite'), 'notice.txt');
    await copyFile(NOTICE, input);
    const run = await taizhang(['parse', input, '--format', 'json', '-o', input]);
    expectOneLineError(run, 'refusing to overwrite');
    expect(await readFile(input)).toEqual(await readFile(NOTICE));
  });
});

describe('reportFailure', () => {
  function report(error: unknown, debug = false): { code: number; stderr: string } {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = reportFailure('a.txt', error, debug);
      return { code, stderr: write.mock.calls.map(([chunk]) => String(chunk)).join('') };
    } finally {
      write.mockRestore();
    }
  }

  it('gives bad input its own exit code, in one line', () => {
    expect(report(new InputError('not a notice\nat all'))).toEqual({ code: 2, stderr: 'taizhang: a.txt: not a notice at all\n' });
    expect(report(new InputError('unknown encoding', 3)).code).toBe(3);
  });

  it('names file system errors plainly, with exit code 2', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open 'a.txt'"), { code: 'EACCES', syscall: 'open' });
    expect(report(error)).toEqual({ code: 2, stderr: 'taizhang: a.txt: permission denied\n' });
  });

  it('calls anything else an internal error, exit code 1, with the stack only under --debug', () => {
    const plain = report(new TypeError('x is undefined'));
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('taizhang: a.txt: internal error: x is undefined (run with --debug for the stack trace)\n');
    const debug = report(new TypeError('x is undefined'), true);
    expect(debug.stderr).toMatch(/^taizhang: a\.txt: internal error: x is undefined\nTypeError: x is undefined\n\s+at /);
  });

  it('lets a bug outweigh bad input when several inputs fail', () => {
    expect(worseExitCode(0, 2)).toBe(2);
    expect(worseExitCode(2, 1)).toBe(1);
    expect(worseExitCode(1, 2)).toBe(1);
  });
});
