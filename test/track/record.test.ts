import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { addPlan } from '../../src/track/add.js';
import { type ProgressRow, recordProgress } from '../../src/track/import.js';
import { loadPlans } from '../../src/track/plans.js';
import { migrate } from '../../src/track/schema.js';
import { loadAliases } from '../../src/unit-names/aliases.js';
import { ROOT } from '../support/cli.js';

// Recording checks all of a sheet's rows in one query: a row is still checked against the rows
// of the same sheet before it, as when each was recorded on its own.

async function database() {
  const db = new (await initSqlJs()).Database();
  migrate(db, '2021-09-01');
  addPlan(db, JSON.parse(await readFile(join(ROOT, 'fixtures', 'track', 'nanchang-2021.json'), 'utf8')), loadAliases(), '2021-09-01');
  const task = loadPlans(db)[0]!.ledger.tasks.find((candidate) => candidate.id === '3.2')!;
  const row = (text: string, line: number): ProgressRow => ({
    taskRowId: task.rowId, unit: '市财政局', status: '推进中', text, person: '', evidence: '', note: '', source: 'a.xlsx', line, number: '3.2',
  });
  return { db, row };
}

describe('recording a sheet', () => {
  it('records a task and unit once per date: the same row again is already recorded, another a conflict', async () => {
    const { db, row } = await database();
    const outcome = recordProgress(db, 'a.xlsx', [row('编制中', 3), row('编制中', 4), row('已发布', 5)], '2021-09-30');
    expect(outcome).toMatchObject({ recorded: 1, already: 1, unchanged: 0 });
    expect(outcome.conflicts.map(({ row: conflicting, existing }) => [conflicting.line, existing.text, existing.source])).toEqual([[5, '编制中', 'a.xlsx']]);
    // A later date: the same report is unchanged, a new one recorded; `latest` follows.
    expect(recordProgress(db, 'b.xlsx', [row('编制中', 3)], '2021-10-31')).toMatchObject({ recorded: 0, unchanged: 1 });
    expect(recordProgress(db, 'c.xlsx', [row('已发布', 3)], '2021-11-30')).toMatchObject({ recorded: 1, unchanged: 0 });
    expect(db.exec('SELECT date FROM latest')[0]!.values).toEqual([[20211130]]);
    expect(db.exec('SELECT date, text FROM progress ORDER BY date')[0]!.values).toEqual([[20210930, '编制中'], [20211130, '已发布']]);
  });
});
