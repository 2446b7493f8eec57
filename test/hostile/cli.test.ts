// The hostile user's inputs (issue 12), generated here and run through the real binary: each must
// end in a ledger or one line with exit 2, within the bounds (a child killed after 60 s, its peak
// memory under 1 GB), and nothing it writes to may be harmed. Time is not asserted (benchmarks
// measure speed); the timeout only catches what runs without bound. Nothing is written to /dev.
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, closeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, NOTICES, ROOT, STACK_FRAME } from '../support/cli.js';
import * as hostile from '../support/hostile.js';

const TIMEOUT_MS = 60_000;
const MEMORY_LIMIT_KB = 1024 * 1024;
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const NOTICE = join(NOTICES, 'yancheng-2016.txt');

interface Bounded {
  code: number | null;
  stdout: string;
  /** stderr without the peak-memory line. */
  stderr: string;
  maxRssKb: number | undefined;
  killed: boolean;
}

/** Runs the binary under /usr/bin/time (peak memory) with a kill after TIMEOUT_MS. */
function run(args: readonly string[], { input, stdio, cwd = ROOT }: { input?: Uint8Array | 'endless'; stdio?: StdioOptions; cwd?: string } = {}): Promise<Bounded> {
  const command = hasTime ? [TIME, '-f', 'maxrss=%M', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const child = spawn(command[0]!, command.slice(1), { cwd, stdio: stdio ?? 'pipe', env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (input === 'endless') {
    const chunk = Buffer.alloc(64 * 1024, '推进决策公开。\n');
    const feed = () => {
      while (child.stdin!.write(chunk));
    };
    child.stdin?.on('drain', feed).on('error', () => undefined);
    feed();
  } else child.stdin?.end(input);
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const rss = /maxrss=(\d+)\s*$/.exec(stderr);
      const cleaned = stderr.replace(/(?:Command exited with non-zero status \d+\n)?maxrss=\d+\s*$/, '');
      resolve({ code, stdout, stderr: cleaned, maxRssKb: rss ? Number(rss[1]) : undefined, killed });
    });
  });
}

/** Within bounds: finished, under the memory limit, a ledger (0) or one line (2), never a bug or a stack trace. */
function expectBounded(result: Bounded): void {
  expect(result.killed, 'ran past the timeout').toBe(false);
  if (result.maxRssKb !== undefined) expect(result.maxRssKb).toBeLessThan(MEMORY_LIMIT_KB);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(/internal error/);
  expect([0, 2]).toContain(result.code);
  if (result.code === 2) expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'taizhang-hostile-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const inFolder = (name: string, content: string | Uint8Array): string => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('never harms what it writes to', () => {
  it('writes through a FIFO to its reader and leaves it a FIFO', async () => {
    const fifo = join(folder, 'out.fifo');
    spawnSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (read += chunk));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    // The reader must have opened its end before taizhang looks for one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = await run(['parse', NOTICE, '-o', fifo, '--format', 'json']);
    await readerDone;
    expectBounded(result);
    expect(result.code).toBe(0);
    expect(JSON.parse(read).schema).toBe('taizhang/1');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a FIFO that nobody reads, in one line, instead of waiting', async () => {
    const fifo = join(folder, 'unread.fifo');
    spawnSync('mkfifo', [fifo]);
    const result = await run(['parse', NOTICE, '-o', fifo, '--format', 'json']);
    expectBounded(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/FIFO that nobody reads/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes the target of a symbolic link and keeps the link', async () => {
    const target = inFolder('real.json', 'old');
    const link = join(folder, 'link.json');
    symlinkSync('real.json', link);
    const result = await run(['parse', NOTICE, '-o', link]);
    expectBounded(result);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).schema).toBe('taizhang/1');
  });

  it('exits 2 with one line when stdout cannot be written (a full disk)', async () => {
    // Opened by the test only to hand to the child as its stdout; nothing writes to it but the child.
    const full = openSync('/dev/full', 'w');
    try {
      const result = await run(['parse', NOTICE, '--format', 'json'], { stdio: ['ignore', full, 'pipe'] });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe('taizhang: stdout: no space left on device');
    } finally {
      closeSync(full);
    }
  });

  it('writes CSV cells that would be formulas as text', async () => {
    const notice = inFolder('formula.txt', '某市2020年政务公开工作要点\n一、深化公开\n（一）=1+2*3，推进决策公开。\n（二）@SUM(A1:A9)，推进执行公开。\n');
    const result = await run(['parse', notice, '--format', 'csv']);
    expectBounded(result);
    expect(result.stdout).toContain(",'=1+2*3");
    expect(result.stdout).toContain(",'@SUM");
  });

  it('quotes a file name with a newline, so that it cannot forge a line of the report', async () => {
    const name = inFolder('bad\ntaizhang: fake.txt: parsed OK\n.txt', '');
    const result = await run(['parse', name]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('"');
    expect(result.stderr).toContain('\\n');
  });

  it('writes the ledger of an input named in 80 Chinese characters (the temporary name is shortened)', async () => {
    const notice = inFolder(`${'测'.repeat(80)}.txt`, readFileSync(NOTICE));
    const result = await run(['parse', notice, '-o', join(folder, 'long-out/')]);
    expectBounded(result);
    expect(result.code).toBe(0);
    expect(readdirSync(join(folder, 'long-out'))).toEqual([`${'测'.repeat(80)}.json`]);
  });

  it('reads a file whose name is not UTF-8', () => {
    const gbkName = Buffer.concat([Buffer.from(join(folder, 'gbk-')), Buffer.from([0xb2, 0xe2]), Buffer.from('.txt')]);
    writeFileSync(gbkName, readFileSync(NOTICE));
    // The name passes through the shell as bytes: Node's own arguments are always UTF-8.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" parse "$(printf '${folder}/gbk-\\262\\342.txt')" --format json`], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).tasks.length).toBeGreaterThan(0);
  });

  it('leaves no temporary file when killed mid-batch', async () => {
    const batch = join(folder, 'batch');
    spawnSync('mkdir', ['-p', batch]);
    for (let i = 0; i < 200; i++) writeFileSync(join(batch, `${i}.txt`), readFileSync(NOTICE));
    const out = join(folder, 'batch-out');
    const child = spawn(process.execPath, [BIN, 'parse', batch, '-o', `${out}/`, '--quiet', '--threads', '1']);
    const closed = new Promise((resolve) => child.on('close', resolve));
    // Killed as soon as it has begun writing.
    for (let waited = 0; !existsSync(out) && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGTERM');
    await closed;
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('inputs without end are read up to the limit', () => {
  it('an endless standard input', async () => {
    const result = await run(['parse', '-', '--max-input', '4MB'], { input: 'endless' });
    expectBounded(result);
    expect(result.stderr).toMatch(/larger than the input limit of 4 MB/);
  });

  it('a device with no end (read, never written)', async () => {
    const result = await run(['parse', '/dev/zero', '--max-input', '8MB']);
    expectBounded(result);
    expect(result.code).toBe(2);
  });

  it('a file past the limit', async () => {
    const big = inFolder('big.txt', Buffer.alloc(3 * 1024 * 1024, '推进决策公开。\n'));
    const result = await run(['parse', big, '--max-input', '2MB']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/raise it with --max-input/);
  });

  describe('URLs', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((request, response) => {
        const chunk = Buffer.alloc(64 * 1024, '推进决策公开。');
        if (request.url === '/endless') {
          response.writeHead(200, { 'content-type': 'text/plain' });
          const feed = () => {
            while (!response.destroyed && response.write(chunk));
          };
          response.on('drain', feed);
          feed();
        } else {
          // A gzip bomb: zeros compressed as they are asked for, without end.
          response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
          const gzip = createGzip();
          gzip.pipe(response);
          const zeros = Buffer.alloc(1024 * 1024);
          const feed = () => {
            while (!response.destroyed && gzip.write(zeros));
          };
          gzip.on('drain', feed);
          response.on('close', () => gzip.destroy());
          feed();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it.each(['/endless', '/gzip-bomb'])('a URL serving %s', async (path) => {
      const result = await run(['parse', `${base}${path}`, '--max-input', '16MB']);
      expectBounded(result);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/larger than the input limit/);
    });
  });
});

describe('HTML within bounds', () => {
  it.each(Object.keys(hostile.HTML_CASES))('%s', async (name) => {
    const page = inFolder('page.html', hostile.HTML_CASES[name]!());
    expectBounded(await run(['parse', page, '--format', 'json']));
  });
});

describe('Word within bounds', () => {
  it('20,000 numbered list paragraphs', async () => {
    const file = inFolder('numbered.docx', await hostile.docx(hostile.numberedParagraphs(20_000), { 'word/numbering.xml': hostile.CHINESE_LIST }));
    const result = await run(['parse', file, '--format', 'json']);
    expectBounded(result);
    expect(JSON.parse(result.stdout).tasks.length).toBeGreaterThan(18_000);
  });

  it('one paragraph of 1,000,000 runs', async () => {
    const file = inFolder('runs.docx', await hostile.docx(hostile.manyRuns(1_000_000)));
    expectBounded(await run(['parse', file, '--format', 'json']));
  });

  it('a zip bomb, refused by the sizes its directory declares', async () => {
    const file = inFolder('bomb.docx', await hostile.docxBomb(1_500_000_000));
    const result = await run(['parse', file]);
    expectBounded(result);
    expect(result.stderr).toMatch(/unpacks to more than 256 MB/);
  });

  it('a damaged file: one line', async () => {
    const file = inFolder('damaged.docx', await hostile.damagedDocx());
    const result = await run(['parse', file]);
    expectBounded(result);
    expect(result.stderr).toMatch(/^taizhang: .*damaged\.docx: a damaged Word file/);
  });
});

describe('big ledgers', () => {
  it('units of 20,000 distinct units', async () => {
    const notice = inFolder('units.txt', hostile.manyUnitsNotice(20_000));
    const result = await run(['units', notice, '--format', 'json']);
    expectBounded(result);
    expect(JSON.parse(result.stdout).units.length).toBeGreaterThan(15_000);
  });

  it('--explain on 200,000 numbered lines', async () => {
    const lines = ['某市2020年政务公开工作要点', '一、深化政务公开'];
    for (let i = 1; i <= 200_000; i++) lines.push(`${i}. 推进决策公开。`);
    const notice = inFolder('explain.txt', lines.join('\n'));
    const result = await run(['parse', notice, '--explain']);
    expectBounded(result);
    expect(result.code).toBe(0);
  });

  it('a table of 200,000 pipe rows', async () => {
    const lines = ['某市2020年政务公开工作要点', '序号|工作任务|责任单位|'];
    for (let i = 1; i <= 200_000; i++) lines.push(`${i}|推进决策公开|市财政局|`);
    const result = await run(['parse', inFolder('rows.txt', lines.join('\n')), '--format', 'json']);
    expectBounded(result);
    expect(result.code).toBe(0);
  });

  it('--threads 300 runs on no more threads than cores', async () => {
    const result = await run(['parse', NOTICE, join(NOTICES, 'taishan-2019.txt'), '--threads', '300', '-o', join(folder, 'threads/')]);
    expectBounded(result);
    expect(result.code).toBe(0);
  });
});

describe('ledger JSON is checked before use', () => {
  const source = { name: 'a.txt', format: 'text', encoding: 'utf-8', script: 'simplified' };
  const bad: Record<string, string> = {
    'schema only': '{"schema":"taizhang/1"}',
    'tasks null': JSON.stringify({ schema: 'taizhang/1', source, meta: {}, tasks: null }),
    'units [null]': JSON.stringify({ schema: 'taizhang/1', source, meta: {}, tasks: [{ id: '1', seq: 1, path: [], title: null, text: 'x', units: [null], deadlines: [], line: null }] }),
    'text 5': JSON.stringify({ schema: 'taizhang/1', source, meta: {}, tasks: [{ id: '1', seq: 1, path: [], title: null, text: 5, units: [], deadlines: [], line: null }] }),
    '__proto__ key': '{"schema":"taizhang/1","__proto__":{"polluted":1}}',
    truncated: '{"schema":"taizhang/1","sour',
    binary: '\u0000\u0001\u00ff',
  };
  it.each(Object.keys(bad))('%s: diff, units, ledger and eval say so in one line naming the file', async (name) => {
    const file = inFolder('bad.json', bad[name]!);
    const gold = join(folder, 'gold');
    spawnSync('mkdir', ['-p', gold]);
    writeFileSync(join(gold, 'yancheng-2016.json'), bad[name]!);
    for (const args of [['diff', file, file], ['units', file], ['ledger', file, '--unit', '市财政局'], ['eval', NOTICE, '--gold', gold]]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^taizhang: .*(bad|yancheng-2016)\.json: (not a taizhang\/1 ledger|not valid JSON)/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a ledger JSON with a byte-order mark is read', async () => {
    const ledger = (await run(['parse', NOTICE, '--format', 'json'])).stdout;
    const file = inFolder('bom.json', `\uFEFF${ledger}`);
    const result = await run(['units', file, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).units.length).toBeGreaterThan(0);
  });
});
