// `ledger --unit NAME` on the real task tables, for every unit `units` lists, typed as a clerk
// would: as listed, without its level word, and in the full form the alias table knows. Each way
// must give the same tasks, in the same roles — the ones `units` counts.
import { describe, expect, it } from 'vitest';
import { loadAliases, identifyUnit } from '../../src/unit-names/aliases.js';
import { taizhang } from '../support/cli.js';
import { realPage } from '../support/pages.js';

const TABLES = [
  '01-pingtan-2022-zwgk-task-breakdown-table-rowspan.html',
  '12-pingtan-2021-zwgk-task-breakdown-table-colspan-mso.html',
  '13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html',
  '15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html',
  '14-pingtan-2015-credit-plan-task-division-zerendanwei-paragraphs.html',
];
const LEVELS = /^(省|市|区|县)/;
const table = loadAliases();

interface Row {
  unit: string;
  spellings: string[];
  kind: string;
  total: number;
  collective: number;
}
interface Found {
  id: string;
  role: string;
  collective: boolean;
}

async function json(args: string[]): Promise<any> {
  const run = await taizhang(args);
  expect(run.stderr.split('\n').filter((line) => line !== '' && !/: warning /.test(line)), args.join(' ')).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** Each asked name's tasks, from one `ledger` run asking for all of them. */
async function tasksByName(file: string, names: readonly string[]): Promise<Found[][]> {
  const ledger = await json(['ledger', file, ...names.flatMap((name) => ['--unit', name]), '--format', 'json']);
  expect(ledger.query.units.map((unit: { name: string }) => unit.name)).toEqual(names);
  return names.map((name) =>
    ledger.tasks.flatMap((task: { id: string; match: any; matches?: any[] }) =>
      (task.matches ?? [task.match]).filter((match) => match.unit === name).map((match) => ({ id: task.id, role: match.role, collective: match.collective })),
    ),
  );
}

describe.each(TABLES)('%s: every unit of the matrix, typed three ways', (name) => {
  const file = realPage(name);

  it('gives the same tasks as listed, without the level word, and in full form — the tasks units counts', async () => {
    const matrix = await json(['units', file, '--format', 'json']);
    const rows: Row[] = matrix.units;
    expect(rows.length).toBeGreaterThan(3);
    const listed = rows.map((row) => row.unit);
    const bare = listed.map((unit) => unit.replace(LEVELS, ''));
    const full = listed.map((unit) => identifyUnit(unit, table, matrix.meta.region).key);
    // And as the notice writes it, where that differs (省人社厅 for 省人力资源和社会保障厅).
    const written = rows.map((row) => row.spellings.at(-1)!);
    const [asListed, withoutLevel, inFull, asWritten] = await Promise.all([tasksByName(file, listed), tasksByName(file, bare), tasksByName(file, full), tasksByName(file, written)]);
    rows.forEach((row, index) => {
      const tasks = asListed[index]!;
      expect(tasks.filter((task) => !task.collective), row.unit).toHaveLength(row.total);
      if (row.kind !== 'group') expect(tasks.filter((task) => task.collective), row.unit).toHaveLength(row.collective);
      expect(withoutLevel[index], `${row.unit} as ${bare[index]}`).toEqual(tasks);
      expect(inFull[index], `${row.unit} as ${full[index]}`).toEqual(tasks);
      expect(asWritten[index], `${row.unit} as ${written[index]}`).toEqual(tasks);
    });
  });
});
