import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { loadAliases } from '../../src/unit-names/aliases.js';
import { type MatchedTask, roleCounts, tasksOfUnit, UnitNotFound, unitLedger } from '../../src/responsibility/unit-ledger.js';
import { unitMatrix } from '../../src/responsibility/matrix.js';
import { expectedMatches, goldLedger } from '../support/units-expected.js';

const table = loadAliases();
const found = (tasks: readonly MatchedTask[]) => tasks.map(({ id, match }) => ({ id, role: match.role, collective: match.collective }));

describe('unitLedger on the seeds’ gold ledgers', () => {
  it.each([
    ['000', '市财政局', ['市财政局']],
    ['001', '市市场监督管理局', ['市市场监督管理局']],
    ['002', '市市场监督管理局', ['市市场监督管理局', '市市场监管局']],
    ['000', '市人社局', ['市人社局']],
    ['000', '人社局', ['市人社局']],
    ['002', '市卫健委', ['市卫健委', '市卫生健康委']],
  ] as const)('seed %s, --unit %s: the tasks naming it exactly, and its groups’ tasks as collective', (seed, unit, spellings) => {
    const gold = goldLedger(seed);
    const expected = expectedMatches(gold, spellings);
    // Both kinds are there, so that a matcher missing either fails.
    expect(expected.some((match) => !match.collective)).toBe(true);
    expect(expected.some((match) => match.collective)).toBe(true);
    expect(found(unitLedger(gold, [unit], table).tasks)).toEqual(expected);
  });

  it('finds the tasks under a name from before the 2018 reform, and reports the rename', () => {
    const gold = goldLedger('000');
    const ledger = unitLedger(gold, ['市卫健委'], table);
    expect(found(ledger.tasks).filter((match) => !match.collective)).toEqual(expectedMatches(gold, ['市卫计委']).filter((match) => !match.collective));
    expect(ledger.renames).toEqual([{ name: '市卫计委', canonical: '市卫生健康委员会' }]);
    expect(ledger.query.units).toEqual([{ name: '市卫健委', canonical: '市卫生健康委员会', found: ['市卫计委'] }]);
  });

  it('keeps the contract’s shape, with each task’s match', () => {
    const gold = goldLedger('000');
    const ledger = unitLedger(gold, ['市财政局'], table);
    expect(Object.keys(ledger)).toEqual(['schema', 'source', 'meta', 'sections', 'tasks', 'warnings', 'query', 'renames']);
    const task = ledger.tasks.find((candidate) => candidate.id === '2.4')!;
    expect(task).toEqual({ ...gold.tasks.find((candidate) => candidate.id === '2.4'), match: { unit: '市财政局', role: 'lead', collective: false, named: '市财政局' } });
    const collective = ledger.tasks.find((candidate) => candidate.id === '2.2')!;
    expect(collective.match).toEqual({ unit: '市财政局', role: 'support', collective: true, named: '市有关部门' });
  });

  it('--role keeps only the tasks in that role', () => {
    const gold = goldLedger('000');
    const leads = unitLedger(gold, ['市财政局'], table, ['lead']);
    expect(found(leads.tasks)).toEqual(expectedMatches(gold, ['市财政局']).filter((match) => match.role === 'lead'));
    expect(leads.tasks.length).toBeGreaterThan(0);
    expect(leads.query.roles).toEqual(['lead']);
  });

  it('several units: each task once, with every unit’s match, and each unit’s own ledger', () => {
    const gold = goldLedger('000');
    const both = unitLedger(gold, ['市财政局', '市发改委', '市发展和改革委员会'], table);
    // Two names of one unit count once.
    expect(both.query.units.map((unit) => unit.name)).toEqual(['市财政局', '市发改委']);
    const ids = both.tasks.map((task) => task.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shared = both.tasks.find((task) => task.id === '2.2-2')!;
    expect(shared.matches?.map((match) => match.unit)).toEqual(['市财政局', '市发改委']);
    expect(found(tasksOfUnit(both, '市发改委'))).toEqual(expectedMatches(gold, ['市发改委']));
    expect(found(tasksOfUnit(both, '市财政局'))).toEqual(expectedMatches(gold, ['市财政局']));
  });

  it('counts a unit’s tasks by role', () => {
    const gold = goldLedger('000');
    const expected = expectedMatches(gold, ['市人社局']);
    expect(roleCounts(unitLedger(gold, ['市人社局'], table).tasks)).toEqual({
      lead: expected.filter((match) => !match.collective && match.role === 'lead').length,
      responsible: expected.filter((match) => !match.collective && match.role === 'responsible').length,
      support: expected.filter((match) => !match.collective && match.role === 'support').length,
      collective: expected.filter((match) => match.collective).length,
    });
  });

  it('refuses a unit the notice does not name, with the notice’s nearest names', () => {
    expect(() => unitLedger(goldLedger('000'), ['县财政局'], table)).toThrow(UnitNotFound);
    expect(() => unitLedger(goldLedger('000'), ['县财政局'], table)).toThrow(/“县财政局”.*市财政局/);
  });
});

describe('unitMatrix', () => {
  /** Distinct tasks naming any of the spellings in the role, straight from the gold ledger. */
  const goldCount = (gold: Ledger, spellings: readonly string[], role?: string) =>
    gold.tasks.filter((task) => task.units.some((unit) => spellings.includes(unit.name) && (role === undefined || unit.role === role))).length;

  it('merges the spellings of one unit and counts its tasks by role, collective ones apart', () => {
    const gold = goldLedger('002');
    const row = unitMatrix(gold, table).units.find((candidate) => candidate.unit === '市市场监督管理局')!;
    const spellings = ['市市场监督管理局', '市市场监管局'];
    expect(row.spellings).toEqual(spellings);
    expect(row).toMatchObject({
      kind: 'department',
      lead: goldCount(gold, spellings, 'lead'),
      responsible: goldCount(gold, spellings, 'responsible'),
      support: goldCount(gold, spellings, 'support'),
      total: goldCount(gold, spellings),
      collective: expectedMatches(gold, spellings).filter((match) => match.collective).length,
    });
    expect(row.total).toBe(3);
  });

  it('lists bodies a reform replaced as written, with today’s name, and groups after the units', () => {
    const matrix = unitMatrix(goldLedger('000'), table);
    expect(matrix.units.filter((row) => row.today === '市税务局').map((row) => row.unit)).toEqual(['盐城地税局', '盐城国税局']);
    const kinds = matrix.units.map((row) => row.kind === 'group');
    expect(kinds.indexOf(true)).toBe(kinds.lastIndexOf(false) + 1);
    const totals = matrix.units.filter((row) => row.kind !== 'group').map((row) => row.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(matrix.units[0]).toMatchObject({ unit: '市财政局', total: 4 });
  });

  it('suggests units the table does not know may be one, and only those alike', () => {
    const ledger = goldLedger('002');
    const names = ['市城市更新局', '市城市更新管理局', '市教育局', '市教育局某科', '市水利局', '市水务局', '县城市更新管理局'];
    const task = { ...ledger.tasks[0]!, units: names.map((name) => ({ name, role: 'lead' as const })) };
    const suggestions = Object.fromEntries(unitMatrix({ ...ledger, tasks: [task] }, table).units.map((row) => [row.unit, row.mayBeSame]));
    expect(suggestions).toEqual({
      市城市更新局: ['市城市更新管理局'],
      市城市更新管理局: ['市城市更新局'],
      市教育局: [],
      市教育局某科: [],
      市水利局: [],
      市水务局: [],
      县城市更新管理局: [],
    });
  });
});
