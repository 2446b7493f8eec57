import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedgerJson } from '../../src/read/ledger-json.js';
import { ledgerFromCsv } from '../../src/diff/ledger-sheet.js';
import { csvRows } from '../../src/read/sheet/csv.js';
import type { Ledger } from '../../src/model.js';
import { diffFixture, expectOneLineError, ledgerOfFile, taizhang, type Run } from './helpers.js';

const OLD = diffFixture('15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html');
const NEW = diffFixture('13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html');

let scratch: string;
let ledger: Ledger;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'taizhang-diff-input-'));
  ledger = await ledgerOfFile(OLD);
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('ledger .json as a year of the diff', () => {
  const problem = (document: unknown): string | undefined => {
    try {
      readLedgerJson(Buffer.from(typeof document === 'string' ? document : JSON.stringify(document)));
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('finds nothing wrong with a ledger taizhang wrote, and takes a byte-order mark', () => {
    expect(problem(ledger)).toBeUndefined();
    expect(readLedgerJson(Buffer.from(`\uFEFF${JSON.stringify(ledger)}`))).toMatchObject({ schema: 'taizhang/1' });
  });

  it('names the first problem by its place in the document', () => {
    const copy = () => JSON.parse(JSON.stringify(ledger)) as Record<string, any>;
    expect(problem([])).toContain('not a taizhang/1 ledger');
    expect(problem({ tasks: [] })).toContain('not a taizhang/1 ledger');
    const badRole = copy();
    badRole.tasks[3].units[0].role = 'boss';
    expect(problem(badRole)).toContain('ledger.tasks[3].units[0].role');
    const noText = copy();
    delete noText.tasks[0].text;
    expect(problem(noText)).toContain('ledger.tasks[0]: "text" is missing');
    const tasksNotList = copy();
    tasksNotList.tasks = { length: 1e9 };
    expect(problem(tasksNotList)).toContain('ledger.tasks: expected an array');
    const twice = copy();
    twice.tasks[1].id = twice.tasks[0].id;
    expect(problem(twice)).toContain(`"${twice.tasks[0].id}" is there twice`);
    expect(problem('{"schema":')).toMatch(/^not valid JSON/);
  });
});

describe('csvRows', () => {
  it('reads quoted cells with commas, quotes and line breaks, and CRLF rows', () => {
    expect(csvRows('a,b\r\n"x, y","say ""hi""\nthere"\r\n', ',')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('reads the sheet back into the ledger it was written from', async () => {
    const csv = join(scratch, 'round.csv');
    expect((await taizhang(['parse', OLD, '-o', csv])).code).toBe(0);
    const back = ledgerFromCsv(await readFile(csv, 'utf8'), 'round.csv');
    expect(back.tasks.map(({ id, path, title, text, units, deadlines }) => ({ id, path, title, text, units: units.length, deadlines: deadlines.length }))).toEqual(
      ledger.tasks.map(({ id, path, title, text, units, deadlines }) => ({ id, path, title, text, units: units.length, deadlines: deadlines.length })),
    );
  });
});

describe('taizhang diff of ledgers and sheets', () => {
  const pairsOf = (run: Run) => JSON.parse(run.stdout).pairs.map((pair: { old: string; new: string; kinds: string[] }) => [pair.old, pair.new, pair.kinds[0]]);

  it('reads last year as .json, .csv or .xlsx, with the same pairs as from the notice', async () => {
    const fromNotice = pairsOf(await taizhang(['diff', OLD, NEW, '--format', 'json']));
    for (const extension of ['json', 'csv', 'xlsx']) {
      const file = join(scratch, `f2017.${extension}`);
      expect((await taizhang(['parse', OLD, '-o', file])).code).toBe(0);
      const run = await taizhang(['diff', file, NEW, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      expect(pairsOf(run)).toEqual(fromNotice);
    }
  });

  it('refuses a crafted ledger, a sheet that is not one and a broken workbook in one line, exit 2', async () => {
    const crafted = join(scratch, 'crafted.json');
    const copy = JSON.parse(JSON.stringify(ledger));
    copy.tasks[2].deadlines = 'soon';
    await writeFile(crafted, JSON.stringify(copy));
    expectOneLineError(await taizhang(['diff', crafted, NEW]), 'crafted.json', 'ledger.tasks[2].deadlines: expected an array');
    const sheet = join(scratch, 'other.csv');
    await writeFile(sheet, 'name,amount\nx,1\n');
    expectOneLineError(await taizhang(['diff', sheet, NEW]), 'other.csv', 'not a taizhang sheet');
    const workbook = join(scratch, 'broken.xlsx');
    await writeFile(workbook, 'not a zip');
    expectOneLineError(await taizhang(['diff', NEW, workbook]), 'broken.xlsx', 'not an Excel workbook');
  });
});
