import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { addPlan } from '../../src/track/add.js';
import { migrate } from '../../src/track/schema.js';
import { loadAliases } from '../../src/unit-names/aliases.js';
import { ROOT } from '../support/cli.js';
import { scratchFolder } from '../support/track.js';

// A database of schema version 1 (statuses and dates as text) is read as it is, and brought to
// version 2 by the next command that writes.

const PLAN = join(ROOT, 'fixtures', 'track', 'nanchang-2021.json');
const FINANCE = '市财政局';
const scratch = scratchFolder('taizhang-track-migration-');

/** Version 1 as it was written: 3.2 推进中 as of 2021-09-30, then 已完成 as of 2021-10-15. */
async function versionOneDatabase(path: string): Promise<void> {
  const db = new (await initSqlJs()).Database();
  migrate(db, '2021-09-01', 1);
  const ledger = JSON.parse(await readFile(PLAN, 'utf8'));
  addPlan(db, ledger, loadAliases(), '2021-09-01');
  db.run('INSERT OR IGNORE INTO units (name) VALUES (?)', [FINANCE]);
  const task = db.exec("SELECT id FROM tasks WHERE number = '3.2'")[0]!.values[0]![0]!;
  const unit = db.exec('SELECT id FROM units WHERE name = ?', [FINANCE])[0]!.values[0]![0]!;
  for (const [importId, date, status, text] of [
    [1, '2021-09-30', '推进中', '标准目录编制中'],
    [2, '2021-10-15', '已完成', '标准目录已发布'],
  ] as const) {
    db.run('INSERT INTO imports (id, source, date) VALUES (?, ?, ?)', [importId, `finance-${importId}.xlsx`, date]);
    db.run("INSERT INTO progress VALUES (?, ?, ?, ?, ?, '张三', '', '', ?)", [task, unit, date, status, text, importId]);
  }
  db.run("INSERT INTO latest VALUES (?, ?, '2021-10-15')", [task, unit]);
  await writeFile(path, db.export());
  db.close();
}

async function stored(sql: string): Promise<unknown[][]> {
  const db = new (await initSqlJs()).Database(await readFile(scratch.db));
  const values = db.exec(sql)[0]?.values ?? [];
  db.close();
  return values;
}

describe('a database of schema version 1', () => {
  it('is read in memory as version 2, the file left as it was', async () => {
    await versionOneDatabase(scratch.db);
    const before = await readFile(scratch.db);
    const task = async (asOf: string) => (await scratch.json('status', '--as-of', asOf)).tasks.find((row: { id: string }) => row.id === '3.2');
    expect((await task('2021-10-20')).latest).toEqual({ date: '2021-10-15', unit: FINANCE, status: '已完成', text: '标准目录已发布' });
    expect((await task('2021-10-01')).latest).toEqual({ date: '2021-09-30', unit: FINANCE, status: '推进中', text: '标准目录编制中' });
    expect(await readFile(scratch.db)).toEqual(before);
  });

  it('is migrated by the next write, its entries kept, statuses as codes and dates as yyyymmdd', async () => {
    // The same plan again changes nothing but the schema.
    expect((await scratch.run('track', 'add', PLAN)).stdout).toMatch(/^unchanged /);
    expect(await stored('PRAGMA user_version')).toEqual([[2]]);
    expect(await stored('SELECT date, status, text FROM progress ORDER BY date')).toEqual([
      [20210930, 1, '标准目录编制中'],
      [20211015, 2, '标准目录已发布'],
    ]);
    expect(await stored('SELECT date FROM latest')).toEqual([[20211015]]);
    expect(await stored("SELECT number, unit, date, status, source FROM entries WHERE number = '3.2' ORDER BY date")).toEqual([
      ['3.2', FINANCE, '2021-09-30', '推进中', 'finance-1.xlsx'],
      ['3.2', FINANCE, '2021-10-15', '已完成', 'finance-2.xlsx'],
    ]);
    // Compacted: the pages of the tables it rebuilt are not left free in the file.
    expect(await stored('PRAGMA freelist_count')).toEqual([[0]]);
    const report = await scratch.json('status', '--as-of', '2021-10-20', '--unit', FINANCE);
    expect(report.tasks.find((row: { id: string }) => row.id === '3.2')).toMatchObject({ status: '已完成', light: '绿' });
  });

  it('records an import after the migration as before it: the same row again is already recorded', async () => {
    const text = (await stored("SELECT text FROM tasks WHERE number = '3.2'"))[0]![0] as string;
    await writeFile(join(scratch.dir, 'finance.csv'), `编号,工作任务,责任人,完成情况,进展情况\n3.2,"${text.replace(/"/g, '""')}",张三,已完成,标准目录已发布\n`);
    const result = await scratch.run('track', 'import', 'finance.csv', '--unit', FINANCE, '--as-of', '2021-10-15');
    expect(result.stdout).toContain('0 recorded, 0 unchanged, 1 already recorded, 0 conflicting, 0 unmatched');
    const later = await scratch.run('track', 'import', 'finance.csv', '--unit', FINANCE, '--as-of', '2021-11-30');
    expect(later.stdout).toContain('0 recorded, 1 unchanged, 0 already recorded');
  });
});
