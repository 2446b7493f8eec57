import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine, startProgress } from '../../src/batch/progress.js';
import { NOTICES, STACK_FRAME, taizhang, TERMINAL_CONTROL, type Run, withoutWarnings } from '../support/cli.js';
import { temporaryFolder } from '../support/folder.js';

// Batches through the real binary: folders, patterns, -o DIR, --jsonl, bad files among good ones.

const FIXTURES = ['hainan-2018', 'luan-2017', 'nanchang-2021', 'taishan-2019', 'yancheng-2016'];
const BINARY = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x00, 0x7f, 0x00, 0x80, 0x00]);

const scratch = temporaryFolder('taizhang-batch-');

/** A fresh folder holding these files: path → a fixture's name, or the content itself. */
async function tree(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const root = join(scratch.path, name);
  await mkdir(root, { recursive: true });
  for (const [path, source] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    if (typeof source === 'string' && FIXTURES.includes(source)) await copyFile(join(NOTICES, `${source}.txt`), join(root, path));
    else await writeFile(join(root, path), source);
  }
  return root;
}

/** Every file below a folder, as sorted relative paths. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

async function sourceNameOf(path: string): Promise<string> {
  return JSON.parse(await readFile(path, 'utf8')).source.name;
}

function expectNoTerminalControl(run: Run): void {
  expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

describe('taizhang parse DIR', () => {
  it('parses the notices below a folder into the same sub-folders, numbering names that clash', async () => {
    const input = await tree('folder', {
      '2019/plan.txt': 'taishan-2019',
      '2020/plan.txt': 'nanchang-2021', // same name, other folder: its own sub-folder
      // One paragraph a line: the reader takes a <pre> block for one line, and one line is no notice.
      '2020/plan.html': `<html><body>${(await readFile(join(NOTICES, 'luan-2017.txt'), 'utf8')).replace(/^.*$/gm, '<p>$&</p>')}</body></html>`,
      'saved-page': 'hainan-2018', // no extension, but text
      'scan.bin': BINARY,
      'no-extension-binary': BINARY,
      'ledger.json': '{}',
      '.hidden/plan.txt': 'yancheng-2016',
    });
    const out = join(scratch.path, 'folder-out', 'deeper'); // missing folders are created
    const run = await taizhang(['parse', input, '-o', out]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(withoutWarnings(run.stderr)).toBe('taizhang: 4 parsed, 0 failed\n');
    expect(await filesBelow(out)).toEqual(['2019/plan.json', '2020/plan-2.json', '2020/plan.json', 'saved-page.json']);
    // plan.html sorts before plan.txt, so it keeps the plain name.
    expect(await sourceNameOf(join(out, '2020/plan.json'))).toBe('plan.html');
    expect(await sourceNameOf(join(out, '2020/plan-2.json'))).toBe('plan.txt');
    expectNoTerminalControl(run);
  });

  it('goes on past bad files, reports each on its own line, writes the good ones and exits 2', async () => {
    const input = await tree('bad', {
      'a.txt': 'luan-2017',
      'b-binary.txt': BINARY,
      'c-empty.txt': '   \n\n',
      'd.txt': 'yancheng-2016',
    });
    const out = join(scratch.path, 'bad-out');
    const run = await taizhang(['parse', input, '-o', out]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^taizhang: ${join(input, 'b-binary.txt')}: .+`));
    expect(lines[1]).toMatch(new RegExp(`^taizhang: ${join(input, 'c-empty.txt')}: .+`));
    expect(lines[2]).toBe('taizhang: 2 parsed, 2 failed');
    expect(await filesBelow(out)).toEqual(['a.json', 'd.json']);
    expectNoTerminalControl(run);
  });

  it('parses a file reached twice once, but refuses standard input twice', async () => {
    const twice = await taizhang(['parse', join(NOTICES, 'luan-2017.txt'), NOTICES, '--jsonl', '--quiet']);
    expect(twice.code).toBe(0);
    expect(twice.stdout.trimEnd().split('\n')).toHaveLength(FIXTURES.length);
    const stdin = await taizhang(['parse', '-', '-']);
    expect(stdin).toMatchObject({ code: 2, stderr: 'taizhang: standard input (-) can only be read once\n' });
  });

  it('says so when a folder holds no notices, and --quiet leaves only the failures', async () => {
    const empty = await tree('empty', { 'notes.json': '{}' });
    const run = await taizhang(['parse', empty, '-o', join(scratch.path, 'empty-out'), '--quiet']);
    expect(run).toMatchObject({ code: 2, stderr: `taizhang: ${empty}: no notices found (.txt .htm .html .shtml .docx .doc .wps .pdf .xlsx .csv, or text without an extension)\n` });
  });

  it('never overwrites an input, even when a pattern takes in the folder it writes to', async () => {
    const input = await tree('overwrite', { 'a.txt': 'taishan-2019', 'b.md': 'luan-2017' });
    const before = await readFile(join(input, 'b.md'));
    const run = await taizhang(['parse', `${input}/*`, '--format', 'md', '-o', input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`taizhang: ${join(input, 'b.md')}: refusing to overwrite input file`);
    expect(await readFile(join(input, 'b.md'))).toEqual(before);
    expect(await readFile(join(input, 'a.md'), 'utf8')).toMatch(/^# /);
  });
});

describe('taizhang parse GLOB', () => {
  it('expands a quoted pattern itself, placing matches below its fixed folder', async () => {
    const input = await tree('glob', { 'x/a.txt': 'luan-2017', 'y/a.txt': 'taishan-2019', 'y/skip.html': '<p>不是这个</p>' });
    const out = join(scratch.path, 'glob-out');
    const run = await taizhang(['parse', `${input}/**/*.txt`, '-o', out]);
    expect(run.code).toBe(0);
    expect(withoutWarnings(run.stderr)).toBe('taizhang: 2 parsed, 0 failed\n');
    expect(await filesBelow(out)).toEqual(['x/a.json', 'y/a.json']);
  });

  it('reports a pattern that matches nothing and goes on with the rest', async () => {
    const out = join(scratch.path, 'glob-none-out');
    const run = await taizhang(['parse', join(scratch.path, 'nowhere', '*.txt'), join(NOTICES, 'luan-2017.txt'), '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`taizhang: ${join(scratch.path, 'nowhere', '*.txt')}: no file matches this pattern\ntaizhang: 1 parsed, 1 failed\n`);
    expect(await readdir(out)).toEqual(['luan-2017.json']);
  });
});

describe('taizhang parse --jsonl', () => {
  const notices = FIXTURES.map((name) => join(NOTICES, `${name}.txt`));

  function expectLedgerLines(text: string): void {
    expect(text.endsWith('\n')).toBe(true);
    const ledgers = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(ledgers.map((ledger) => ledger.schema)).toEqual(notices.map(() => 'taizhang/1'));
    expect(ledgers.map((ledger) => ledger.source.name)).toEqual(FIXTURES.map((name) => `${name}.txt`));
  }

  it('prints one ledger per line on stdout, in input order', async () => {
    const run = await taizhang(['parse', ...notices, '--jsonl']);
    expect(run.code).toBe(0);
    expect(withoutWarnings(run.stderr)).toBe('');
    expectLedgerLines(run.stdout);
  });

  it('writes them into the -o file whole, leaving no temporary file', async () => {
    const folder = join(scratch.path, 'jsonl');
    const run = await taizhang(['parse', ...notices, '--jsonl', '-o', join(folder, 'all.jsonl')]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(withoutWarnings(run.stderr)).toBe('');
    expect(await readdir(folder)).toEqual(['all.jsonl']);
    expectLedgerLines(await readFile(join(folder, 'all.jsonl'), 'utf8'));
  });

  it('refuses a directory for -o, and --format beside it', async () => {
    const directory = await tree('jsonl-dir', {});
    const intoDirectory = await taizhang(['parse', notices[0]!, '--jsonl', '-o', directory]);
    expect(intoDirectory).toMatchObject({ code: 2, stderr: `taizhang: ${directory}: --jsonl writes all the ledgers into one file: name it with -o FILE.jsonl\n` });
    const withFormat = await taizhang(['parse', notices[0]!, '--jsonl', '--format', 'yaml']);
    expect(withFormat.code).toBe(2);
    expect(withFormat.stderr).toMatch(/^taizhang: option '--jsonl' cannot be used with option '--format/);
  });
});

describe('taizhang parse on worker threads', () => {
  it('writes on two threads the same ledgers as on one, and goes on past a bad file', async () => {
    const notices = 64;
    const files: Record<string, string | Buffer> = { 'broken.txt': BINARY };
    for (let i = 0; i < notices; i++) files[`n${String(i).padStart(2, '0')}.txt`] = FIXTURES[i % FIXTURES.length]!;
    const input = await tree('many', files);
    const onThreads = (threads: string) => taizhang(['parse', input, '--jsonl', '--threads', threads]);
    const [threaded, single] = await Promise.all([onThreads('2'), onThreads('1')]);
    expect(threaded.code).toBe(2);
    expect(withoutWarnings(threaded.stderr)).toMatch(new RegExp(`^taizhang: ${join(input, 'broken.txt')}: .+\\ntaizhang: ${notices} parsed, 1 failed\\n$`));
    expect(threaded).toEqual(single);
    expect(threaded.stdout.trimEnd().split('\n')).toHaveLength(notices);
  });

  it('refuses a thread count that is not a whole number above zero', async () => {
    for (const count of ['0', '-1', '1.5', 'two']) {
      const run = await taizhang(['parse', join(NOTICES, 'luan-2017.txt'), '--threads', count]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^taizhang: option '--threads <n>' argument .* is invalid/);
    }
  });
});

describe('progress bar', () => {
  it('says how far, how fast and how long, and fits the terminal', () => {
    expect(progressLine(412, 2, 1000, 5000, 100)).toBe(`[${'█'.repeat(10)}${'░'.repeat(14)}] 412/1000  41%  2 failed  82/s  0:07 left`);
    expect(progressLine(412, 0, 1000, 5000, 40)).toHaveLength(39);
  });

  function fakeTerminal(): { stream: NodeJS.WriteStream; written: string[] } {
    const written: string[] = [];
    return { written, stream: { columns: 100, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream };
  }

  it('draws over itself on one line, at most every so often, and clears itself at the end', () => {
    const { stream, written } = fakeTerminal();
    const progress = startProgress(3, stream);
    progress.advance(false);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\u001b\[K\[█{8}░{16}\] 1\/3 {2}33%/);
    progress.advance(true); // within the redraw interval: not drawn again
    expect(written).toHaveLength(1);
    progress.advance(false);
    expect(written).toEqual([written[0], '\r\u001b[K']);
  });

  it('makes room for a message and comes back after it', () => {
    const { stream, written } = fakeTerminal();
    const progress = startProgress(4, stream);
    progress.advance(false);
    progress.clear();
    expect(written.at(-1)).toBe('\r\u001b[K');
    progress.advance(true);
    expect(written.at(-1)).toMatch(/2\/4 {2}50% {2}1 failed/);
  });
});
