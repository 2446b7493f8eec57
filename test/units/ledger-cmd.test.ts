import { csvRows } from '../../src/read/sheet/csv.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taizhang as run } from '../support/cli.js';
import { CITY_DEPARTMENT_GROUPS, expectedMatches, goldLedger, noticePath, SEEDS } from '../support/units-expected.js';
import { workbookAt } from '../support/workbook.js';
import { temporaryFolder } from '../support/folder.js';

// These run the built binary (test/support/global-setup.ts builds dist/) on the seed notices; the expected
// answers come from the gold ledgers.

const taizhang = (...args: string[]) => run(args);

/** CSV rows (RFC 4180: quoted fields may hold commas, doubled quotes and newlines), without the BOM. */
const parseCsv = (text: string): string[][] => csvRows(text.replace(/^\uFEFF/, ''), ',');

/** Stderr without the notice's own warnings, which every output reports there. */
const notWarnings = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line !== '' && !/^taizhang: [^:]+: warning /.test(line))
    .join('\n');

async function json(...args: string[]) {
  const run = await taizhang(...args, '--format', 'json');
  expect(notWarnings(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const scratch = temporaryFolder('taizhang-ledger-');

describe('taizhang ledger', () => {
  it.each([
    ['000', '市财政局', ['市财政局']],
    ['001', '市市场监督管理局', ['市市场监督管理局']],
    ['002', '市市场监督管理局', ['市市场监督管理局', '市市场监管局']],
    ['002', '市市场监管局', ['市市场监督管理局', '市市场监管局']],
    ['000', '市人社局', ['市人社局']],
  ] as const)('seed %s --unit %s: explicit tasks exactly, collective ones marked', async (seed, unit, spellings) => {
    const ledger = await json('ledger', noticePath(seed), '--unit', unit);
    expect(ledger.schema).toBe('taizhang/1');
    expect(ledger.source.name).toBe(`${SEEDS[seed]}.txt`);
    const found = ledger.tasks.map(({ id, match }: { id: string; match: { role: string; collective: boolean } }) => ({ id, role: match.role, collective: match.collective }));
    expect(found).toEqual(expectedMatches(goldLedger(seed), spellings, CITY_DEPARTMENT_GROUPS));
    for (const task of ledger.tasks) expect(task.match.unit).toBe(unit);
  });

  it('--role filters, --unit repeats, and the tasks keep their contract fields', async () => {
    const gold = goldLedger('000');
    const leads = await json('ledger', noticePath('000'), '--unit', '市财政局', '--unit', '人社局', '--role', 'lead');
    const expectedIds = new Set(
      [...expectedMatches(gold, ['市财政局']), ...expectedMatches(gold, ['市人社局'])].filter((match) => match.role === 'lead' && !match.collective).map((match) => match.id),
    );
    expect(leads.tasks.map((task: { id: string }) => task.id)).toEqual(gold.tasks.map((task) => task.id).filter((id) => expectedIds.has(id)));
    const first = leads.tasks[0];
    expect(Object.keys(first)).toEqual([...Object.keys(gold.tasks[0]!), 'match']);
    expect(leads.query).toEqual({
      units: [
        { name: '市财政局', canonical: '市财政局', found: ['市财政局'] },
        { name: '人社局', canonical: '市人力资源和社会保障局', found: ['市人力资源和社会保障局'] },
      ],
      roles: ['lead'],
    });
  });

  it('prints the outline with a role column, the unit’s counts and the renames met', async () => {
    const run = await taizhang('ledger', noticePath('000'), '--unit', '卫健委');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('卫健委（市卫计委）  牵头 1 · 负责 0 · 配合 1 · 集体 13');
    expect(run.stdout).toContain('更名 市卫计委 → 市卫生健康委员会');
    expect(run.stdout).toMatch(/^ {2}3\.6-2 {2}牵头 {7}\S/m);
    expect(run.stdout).toMatch(/^ {2}1\.2 {2}集体·负责 {2}推进市场监管公开透明$/m);
  });

  it('writes csv with the role and collective columns', async () => {
    const run = await taizhang('ledger', noticePath('001'), '--unit', '市市场监督管理局', '--format', 'csv');
    const [header, ...rows] = parseCsv(run.stdout) as string[][];
    expect(header!.slice(-5)).toEqual(['本单位', '角色', '集体任务', '进展情况', '备注']);
    const expected = expectedMatches(goldLedger('001'), ['市市场监督管理局']);
    expect(rows).toHaveLength(expected.length);
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    expect(column('角色')).toEqual(expected.map((match) => ({ lead: '牵头', responsible: '负责', support: '配合' })[match.role]));
    expect(column('集体任务').map(Boolean)).toEqual(expected.map((match) => match.collective));
    expect(column('集体任务').filter(Boolean)).toContain('市直各单位');
  });

  it('writes xlsx only to a file: one sheet per unit and the source sheet', async () => {
    const refused = await taizhang('ledger', noticePath('000'), '--unit', '市财政局', '--format', 'xlsx');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^taizhang: --format xlsx makes a binary file: name it with -o FILE\.xlsx\n$/);

    const path = join(scratch.path, 'out', '台账.xlsx');
    const run = await taizhang('ledger', noticePath('000'), '--unit', '市财政局', '--unit', '市人社局', '-o', path);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(notWarnings(run.stderr)).toBe('');
    const workbook = await workbookAt(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['市财政局', '市人社局', '来源']);
    const sheet = workbook.getWorksheet('市财政局')!;
    expect(sheet.rowCount).toBe(expectedMatches(goldLedger('000'), ['市财政局']).length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses a unit the notice does not name, naming the nearest ones, and exits 2', async () => {
    const run = await taizhang('ledger', noticePath('000'), '--unit', '县财政局', '--format', 'json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('taizhang: fixtures/notices/yancheng-2016.txt: no unit “县财政局” in this notice; units of the notice with similar names: 市财政局\n');
  });

  it('reads --aliases files after the built-in table', async () => {
    const aliases = join(scratch.path, 'aliases.yaml');
    await writeFile(aliases, 'units:\n  - name: 财政局\n    spellings: [财政钱袋局]\n');
    const ledger = await json('ledger', noticePath('000'), '--unit', '市财政钱袋局', '--aliases', aliases);
    expect(ledger.tasks.map((task: { id: string }) => task.id)).toEqual(expectedMatches(goldLedger('000'), ['市财政局']).map((match) => match.id));
    const missing = await taizhang('ledger', noticePath('000'), '--unit', '市财政局', '--aliases', join(scratch.path, 'none.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^taizhang: .*none\.yaml: no such file or directory\n$/);
  });

  it('needs --unit, and refuses an unknown --role', async () => {
    const noUnit = await taizhang('ledger', noticePath('000'));
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toContain("required option '--unit <name>' not specified");
    const badRole = await taizhang('ledger', noticePath('000'), '--unit', '市财政局', '--role', 'boss');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Allowed choices are 牵头 (lead), 负责 (responsible), 配合 (support).');
  });
});

describe('taizhang units', () => {
  it('prints the matrix: units by work, their spellings and renames, then the groups', async () => {
    const run = await taizhang('units', noticePath('000'));
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('盐城市2016年政务公开工作要点');
    expect(lines[3]).toMatch(/^单位 +牵头 负责 配合 合计 集体$/);
    expect(run.stdout).toMatch(/^市财政局 +4 +0 +0 +4 +13$/m);
    expect(run.stdout).toMatch(/^市人力资源和社会保障局 +3 +0 +0 +3 +13 +写作 市人社局$/m);
    expect(run.stdout).toMatch(/^盐城地税局（现 市税务局） +1 +0 +0 +1 +0$/m);
    expect(run.stdout).toMatch(/集体名称\n市各有关部门 +0 +10 +0 +10 +-\n/);
  });

  it('writes json and csv with the same counts', async () => {
    const matrix = await json('units', noticePath('002'));
    expect(matrix.schema).toBe('taizhang-units/1');
    const row = matrix.units.find((unit: { unit: string }) => unit.unit === '市市场监督管理局');
    expect(row).toMatchObject({ spellings: ['市市场监督管理局', '市市场监管局'], lead: 3, total: 3, collective: 8 });

    const csv = await taizhang('units', noticePath('002'), '--format', 'csv');
    const [header, ...rows] = parseCsv(csv.stdout) as string[][];
    expect(header).toEqual(['单位', '类别', '牵头', '负责', '配合', '合计', '集体任务', '写法', '现名', '可能同一单位']);
    expect(rows.find((cells) => cells[0] === '市市场监督管理局')).toEqual(['市市场监督管理局', '部门', '3', '0', '0', '3', '8', '市市场监督管理局、市市场监管局', '', '']);
  });

  it('writes xlsx to a file, and refuses formats it has not', async () => {
    const path = join(scratch.path, 'units.xlsx');
    expect(await taizhang('units', noticePath('001'), '-o', path)).toMatchObject({ code: 0 });
    const workbook = await workbookAt(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['单位', '来源']);

    const yamlFile = await taizhang('units', noticePath('001'), '-o', join(scratch.path, 'units.yaml'));
    expect(yamlFile.code).toBe(2);
    expect(yamlFile.stderr).toContain('the unit matrix is written as json, csv, md, xlsx, not yaml');
    const yaml = await taizhang('units', noticePath('001'), '--format', 'yaml');
    expect(yaml.code).toBe(2);
    // An unknown extension is answered with the matrix's own formats, before anything is parsed.
    const unknown = await taizhang('units', noticePath('001'), '-o', join(scratch.path, 'units.foo'));
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('use --format json|csv|md|xlsx') });
  });
});

describe('taizhang parse -o x.xlsx', () => {
  it('writes the 台账 workbook', async () => {
    const path = join(scratch.path, 'parse.xlsx');
    expect(await taizhang('parse', noticePath('002'), '-o', path)).toMatchObject({ code: 0 });
    const workbook = await workbookAt(path);
    expect(workbook.getWorksheet('台账')!.rowCount).toBe(goldLedger('002').tasks.length + 1);
  });
});
