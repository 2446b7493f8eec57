import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { ROOT, STACK_FRAME, taizhang } from '../support/cli.js';
import { realPage } from '../support/pages.js';
import { temporaryFolder } from '../support/folder.js';

// Bad input to the tracking commands: one clear line, exit 2, nothing written.

const PLAN = join(ROOT, 'fixtures', 'track', 'nanchang-2021.json');
const OTHER_PLAN = join(ROOT, realPage('12-pingtan-2021-zwgk-task-breakdown-table-colspan-mso.html'));

const scratch = temporaryFolder('taizhang-track-bad-');

async function run(cwd: string, ...args: string[]) {
  return taizhang(args, { cwd });
}

/** Runs a command that must fail: one line on stderr, exit 2, no stack trace. */
async function fails(cwd: string, ...args: string[]): Promise<string> {
  const result = await run(cwd, ...args);
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  return result.stderr;
}

/** A folder with a database holding one plan, and what its files are. */
async function folderWith(plan: string): Promise<{ dir: string; snapshot: () => Promise<Record<string, string>> }> {
  const dir = await mkdtemp(join(scratch.path, 'db-'));
  expect((await run(dir, 'track', 'add', plan)).code).toBe(0);
  const snapshot = async () => {
    const files: Record<string, string> = {};
    for (const name of await readdir(dir)) files[name] = (await readFile(join(dir, name))).toString('base64');
    return files;
  };
  return { dir, snapshot };
}


describe('bad input to the tracking commands', () => {
  it('refuses a sheet of another plan, with or without its key column', async () => {
    const { dir: here } = await folderWith(PLAN);
    expect((await run(here, 'track', 'export', '--unit', '市财政局', '-o', 'finance.xlsx')).code).toBe(0);
    const { dir: there, snapshot } = await folderWith(OTHER_PLAN);
    const before = await snapshot();
    expect(await fails(there, 'track', 'import', join(here, 'finance.xlsx'))).toMatch(/finance\.xlsx: a sheet of another plan/);
    // Without the title row and the keys, its rows match no task of this database.
    await writeFile(join(here, 'bare.csv'), '编号,工作任务,完成情况,进展情况\n1.4,落实财政资金领域信息公开,已完成,done\n');
    expect(await fails(there, 'track', 'import', join(here, 'bare.csv'), '--unit', '区财政金融局')).toMatch(/bare\.csv: no row matches a task in this database/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a sheet with no header row', async () => {
    const { dir, snapshot } = await folderWith(PLAN);
    const before = await snapshot();
    await writeFile(join(dir, 'no-header.csv'), '1.4,落实财政资金领域信息公开,已完成\n');
    expect(await fails(dir, 'track', 'import', 'no-header.csv')).toBe('taizhang: no-header.csv: no header row (编号, 工作任务, …) in the first 10 rows\n');
    expect(await snapshot()).toEqual({ ...before, 'no-header.csv': expect.any(String) });
    // The sheet is read while the database is: with no database there, the sheet's fault is
    // still the one told, and no database (nor its lock) is left behind.
    const empty = await mkdtemp(join(scratch.path, 'empty-'));
    await writeFile(join(empty, 'no-header.csv'), '1.4,落实财政资金领域信息公开,已完成\n');
    expect(await fails(empty, 'track', 'import', 'no-header.csv')).toBe('taizhang: no-header.csv: no header row (编号, 工作任务, …) in the first 10 rows\n');
    expect(await readdir(empty)).toEqual(['no-header.csv']);
  });

  it('refuses a workbook that is a zip bomb before unpacking it', async () => {
    const { dir, snapshot } = await folderWith(PLAN);
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(110 * 1024 * 1024));
    await writeFile(join(dir, 'bomb.xlsx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const before = await snapshot();
    expect(await fails(dir, 'track', 'import', 'bomb.xlsx')).toBe('taizhang: bomb.xlsx: refused: unpacks to more than 100 MB (a zip bomb?)\n');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a database of a newer schema version', async () => {
    const { dir, snapshot } = await folderWith(PLAN);
    const SQL = await initSqlJs();
    const database = new SQL.Database(await readFile(join(dir, 'taizhang.db')));
    database.exec('PRAGMA user_version = 99');
    await writeFile(join(dir, 'taizhang.db'), database.export());
    const before = await snapshot();
    for (const command of [['status'], ['due'], ['track', 'add', PLAN], ['track', 'export', '--all', '-o', 'sheets']]) {
      expect(await fails(dir, ...command)).toBe("taizhang: taizhang.db: database of schema version 99, newer than this taizhang's 2: upgrade taizhang\n");
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a database file that is not SQLite, and a database that is missing', async () => {
    const dir = await mkdtemp(join(scratch.path, 'not-sqlite-'));
    await writeFile(join(dir, 'taizhang.db'), 'not a database\n');
    for (const command of [['status'], ['track', 'add', PLAN], ['track', 'import', PLAN]]) {
      expect(await fails(dir, ...command)).toMatch(/^taizhang: .*taizhang\.db: not an SQLite database\n$|^taizhang: .*nanchang-2021\.json: not a returned sheet/);
    }
    expect(await readFile(join(dir, 'taizhang.db'), 'utf8')).toBe('not a database\n');
    expect(await fails(dir, 'due', '--db', 'missing.db')).toBe('taizhang: missing.db: no such database (taizhang track add NOTICE creates it)\n');
    expect(await readdir(dir)).toEqual(['taizhang.db']);
  });

  it('waits for a lock held by a live process, takes over one left by a dead one', async () => {
    const { dir, snapshot } = await folderWith(PLAN);
    // This test's own process is alive: the writer waits, then gives up.
    await writeFile(join(dir, 'taizhang.db.lock'), `${process.pid} 2021-01-01T00:00:00Z\n`);
    const before = await snapshot();
    const held = await taizhang(['track', 'add', OTHER_PLAN], { cwd: dir, env: { TAIZHANG_LOCK_WAIT: '1' } });
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/^taizhang: taizhang\.db: locked by another taizhang for over 1 s/);
    expect(await snapshot()).toEqual(before);
    // No process has this id (above the kernel's maximum): the lock is stale.
    await writeFile(join(dir, 'taizhang.db.lock'), '99999999 2021-01-01T00:00:00Z\n');
    expect((await run(dir, 'track', 'add', OTHER_PLAN)).code).toBe(0);
    expect(await readdir(dir)).toEqual(['taizhang.db']);
  });
});
