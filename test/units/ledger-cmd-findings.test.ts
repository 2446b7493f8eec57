// Issue 11's findings on units, each as its case, run on the built binary with the real pages.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taizhang } from '../support/cli.js';
import { realPage } from '../support/pages.js';
import { workbookAt } from '../support/workbook.js';
import { temporaryFolder } from '../support/folder.js';

const page = (number: string) =>
  ({
    '01': realPage('01-pingtan-2022-zwgk-task-breakdown-table-rowspan.html'),
    '03': realPage('03-govcn-2018-ftz-measures-responsible-depts.html'),
    '05': realPage('05-govcn-2019-innovation-reforms-table-responsible-depts.html'),
    '12': realPage('12-pingtan-2021-zwgk-task-breakdown-table-colspan-mso.html'),
    '13': realPage('13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html'),
    '14': realPage('14-pingtan-2015-credit-plan-task-division-zerendanwei-paragraphs.html'),
    '15': realPage('15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html'),
  })[number]!;
/** Messages in Chinese, as a clerk's machine without an English locale gives them. */
const CHINESE = { LANG: 'C.UTF-8' };

interface Match {
  unit: string;
  role: string;
  collective: boolean;
  named: string;
}

async function ledger(file: string, ...args: string[]) {
  const run = await taizhang(['ledger', file, ...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  const parsed = JSON.parse(run.stdout);
  const matches: Match[] = parsed.tasks.map((task: { match: Match }) => task.match);
  return { ...parsed, matches, own: matches.filter((match) => !match.collective), stderr: run.stderr };
}

async function matrix(file: string) {
  const run = await taizhang(['units', file, '--format', 'json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).units as { unit: string; kind: string; today: string | null; spellings: string[]; total: number }[];
}

const scratch = temporaryFolder('taizhang-findings-');

describe('--unit resolves names as a clerk types them', () => {
  it('经济发展局 in a 区 notice is 区经济发展局: its 6 lead tasks, not 0', async () => {
    const found = await ledger(page('12'), '--unit', '经济发展局');
    expect(found.own.map((match: Match) => match.role)).toEqual(Array(6).fill('lead'));
    expect(found.query.units[0].found).toEqual(['区经济发展局']);
  });

  it('财政厅 in a province notice is 省财政厅: 8 lead and 3 responsible tasks', async () => {
    const found = await ledger(page('15'), '--unit', '财政厅');
    expect(found.own.filter((match: Match) => match.role === 'lead')).toHaveLength(8);
    expect(found.own.filter((match: Match) => match.role === 'responsible')).toHaveLength(3);
  });

  it('the full formal name 省人力资源和社会保障厅 finds the tasks the notice gives 省人社厅, not only the collective ones', async () => {
    const found = await ledger(page('15'), '--unit', '省人力资源和社会保障厅');
    expect(found.own.map((match: Match) => [match.named, match.role])).toEqual([
      ['省人社厅', 'lead'],
      ['省人社厅', 'responsible'],
    ]);
  });

  it('an abbreviation the notice does not spell out, when only one unit holds it: 经发局', async () => {
    const found = await ledger(page('12'), '--unit', '经发局');
    expect(found.query.units[0].found).toEqual(['区经济发展局']);
    expect(found.own).toHaveLength(6);
  });

  it('today’s name finds the bodies it replaced: 市场监督管理局 → 省工商局, 省质监局, 省食品药品监管局', async () => {
    const found = await ledger(page('15'), '--unit', '市场监督管理局');
    expect(found.query.units[0].found).toEqual(['省工商局', '省质监局', '省食品药品监管局']);
    expect(new Set(found.own.map((match: Match) => match.named))).toEqual(new Set(['省工商局', '省质监局', '省食品药品监管局']));
  });

  it('a name the notice does not have is exit 2 with the nearest names — never a silent empty ledger', async () => {
    const run = await taizhang(['ledger', page('15'), '--unit', '财政部'], { env: CHINESE });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`taizhang: ${page('15')}: 未找到“财政部”；本通知中相近的单位：省财政厅\n`);
  });

  it('a unit the alias table knows that the notice names only in its groups: their tasks, said on stderr', async () => {
    const run = await taizhang(['ledger', page('13'), '--unit', '省统计局', '--format', 'json'], { env: CHINESE });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).tasks.every((task: { match: Match }) => task.match.collective)).toBe(true);
    expect(run.stderr).toMatch(/本通知未点名“省统计局”，只列其所在集体（省政府各部门、省直各有关部门）的任务/);
  });

  it('--role takes 牵头/负责/配合 as well as lead/responsible/support', async () => {
    const chinese = await ledger(page('15'), '--unit', '财政厅', '--role', '牵头');
    const english = await ledger(page('15'), '--unit', '财政厅', '--role', 'lead');
    expect(chinese.tasks).toEqual(english.tasks);
    expect(chinese.query.roles).toEqual(['lead']);
  });
});

describe('level- and era-aware names', () => {
  it('a province has a 厅: 省经信委 is today’s 省工业和信息化厅, not 局', async () => {
    const row = (await matrix(page('15'))).find((each) => each.unit === '省经信委')!;
    expect(row.today).toBe('省工业和信息化厅');
  });

  it('central agencies’ local offices keep their names: 福建证监局, not 省证监局', async () => {
    const units = (await matrix(page('15'))).map((row) => row.unit);
    expect(units).toEqual(expect.arrayContaining(['福建证监局', '福建银监局', '福建保监局', '厦门证监局']));
    expect(units).not.toContain('省证监局');
  });

  it('a 2017 notice’s units are shown as written, today’s name beside them: no 省市场监督管理局 with 旧名', async () => {
    const rows = await matrix(page('15'));
    expect(rows.map((row) => row.unit)).not.toContain('省市场监督管理局');
    expect(rows.filter((row) => row.today === '省市场监督管理局').map((row) => row.unit)).toEqual(['省工商局', '省质监局', '省食品药品监管局']);
    const table = await taizhang(['units', page('15')]);
    expect(table.stdout).toMatch(/^省工商局（现 省市场监督管理局） +2 +1 +0 +3 +21$/m);
    expect(table.stdout).not.toContain('旧名');
  });
});

describe('groups are groups', () => {
  it.each([
    ['13', ['各设区市', '各设区市政府', '省政府各部门', '各直属机构', '省直各有关部门']],
    ['01', ['各乡镇人民政府（街道办事处）', '各区属事业单位', '区直各有关单位', '各片区管理局']],
    ['14', ['区直各相关单位']],
  ])('page %s: %s are groups, listed after the units', async (number, groups) => {
    const rows = await matrix(page(number));
    for (const group of groups) expect(rows.find((row) => row.unit === group)?.kind, group).toBe('group');
    const kinds = rows.map((row) => row.kind === 'group');
    expect(kinds.indexOf(true)).toBe(kinds.lastIndexOf(false) + 1);
  });

  it('a unit’s ledger holds its groups’ tasks as collective: 区经济发展局 is in 区直各有关单位', async () => {
    const found = await ledger(page('01'), '--unit', '区经济发展局');
    const collective = found.matches.filter((match: Match) => match.collective);
    expect(collective.length).toBeGreaterThan(0);
    expect(new Set(collective.map((match: Match) => match.named))).toEqual(new Set(['区直各有关单位']));
  });

  it('a scope or a note is never a unit: 适用范围：…, 按有关政策规定执行', async () => {
    for (const number of ['03', '05']) {
      const units = (await matrix(page(number))).map((row) => row.unit);
      expect(units.filter((unit) => /适用范围|按有关/.test(unit)), number).toEqual([]);
    }
  });
});

describe('consistent commands', () => {
  it.each(['ledger', 'units'])('%s --help says it takes folders, patterns, URLs and -', async (command) => {
    const help = (await taizhang([command, '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/folders of notices, patterns such as "notices\/\*\*\/\*\.html", URLs, or - for standard input/);
  });

  it('units --format md writes the matrix as a Markdown table', async () => {
    const run = await taizhang(['units', page('15'), '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\| 单位 \| 类别 \| 牵头 \|/m);
    expect(run.stdout).toMatch(/^\| 省财政厅 \| 部门 \| 8 \| 3 \| 0 \| 11 \|/m);
  });

  it('ledger a b --unit X -o x.xlsx: one workbook, a sheet per notice, and no word of --jsonl', async () => {
    const path = join(scratch.path, '经济发展局.xlsx');
    const run = await taizhang(['ledger', page('01'), page('12'), page('14'), '--unit', '经济发展局', '-o', path]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('jsonl');
    const workbook = await workbookAt(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '2022年全区政务公开工作主要任务分解表',
      '2021年全区政务公开工作主要任务分解表',
      '平潭综合实验区社会信用体系建设规划（2015-2020）任务分',
      '来源',
    ]);
    // Every sheet holds the unit's tasks of its notice: 3 + 27 collective, 6 + 27, 21 + 4.
    expect(workbook.worksheets.slice(0, 3).map((sheet) => sheet.rowCount - 1)).toEqual([16, 33, 25]);
    const source = workbook.getWorksheet('来源')!.getSheetValues().map((row) => (row as unknown[] | undefined)?.[2]);
    expect(source.filter((value) => value === '经济发展局（区经济发展局）')).toHaveLength(3);
  });

  it('several inputs to one json file still need a directory, and ledger does not suggest --jsonl', async () => {
    const run = await taizhang(['ledger', page('01'), page('12'), '--unit', '经济发展局', '-o', join(scratch.path, 'all.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('several inputs need a directory for -o, one output per input');
    expect(run.stderr).not.toContain('jsonl');
  });
});
