import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Decoded, Ledger, Meta, Task } from '../../src/model.js';
import { ledgerOf } from '../../src/pipeline.js';
import { clean } from '../../src/clean/index.js';
import { read } from '../../src/read/index.js';
import { realPage } from '../support/pages.js';

// Government pages as crawled (fixtures/html/realworld/SOURCES.md says where each came from), each
// in its folder beside its expected ledger (pages.test.ts).
const CHROME = (JSON.parse(readFileSync('fixtures/html/chrome-patterns.json', 'utf8')) as { patterns: string[] }).patterns.map(
  (pattern) => new RegExp(pattern, 'i'),
);

interface PinnedTask {
  id: string;
  /** How the task's text starts and ends. */
  start: string;
  end?: string;
  /** `name:role`, in order. */
  units: string[];
}

interface WorkItemPage {
  file: string;
  /** Tasks with numbered ids (a closing `end` task is not counted). */
  tasks: number;
  first: PinnedTask;
  last: PinnedTask;
  meta: Partial<Meta>;
  warnings?: string[];
}

// Pages that hold work items. Where a later stage still gets something wrong, only what is right
// is pinned, and the comment says what is not (see the report of the HTML reader).
const WORK_ITEM_PAGES: WorkItemPage[] = [
  {
    file: '01-pingtan-2022-zwgk-task-breakdown-table-rowspan.html',
    tasks: 18,
    first: { id: '1.1', start: '增强政策制定实施的透明度和可', end: '治化国际化营商环境。', units: ['区直各有关单位:support', '各区属事业单位:support', '各片区管理局:support', '各乡镇人民政府（街道办事处）:support'] },
    last: { id: '8.18', start: '各政府信息公开工作部门要加强', end: '面了解各项制度规定。', units: ['政府信息公开工作部门:support'] },
    meta: { noticeTitle: '平潭综合实验区管委会办公室关于印发2022年全区政务公开工作主要任务分解表的通知', issuer: '平潭综合实验区管委会办公室', date: '2022-06-07' },
  },
  {
    file: '02-pingtan-fujian-2019-zwgk-tasks-nested-trs-editor.html',
    tasks: 17,
    first: { id: '1.1', start: '深入解读重要政策措施。围绕2', end: '政策，及时释疑解惑。', units: ['省政府各部门:responsible', '各直属机构:responsible', '各设区市人民政府:responsible', '平潭综合实验区管委会:responsible'] },
    last: { id: '4.3', start: '强化组织领导。完善政务公开工', end: '管理信息平台的衔接。', units: ['省政府各部门:responsible', '各直属机构:responsible', '各设区市人民政府:responsible', '平潭综合实验区管委会:responsible'] },
    meta: { noticeTitle: '福建省人民政府办公厅关于印发福建省2019年政务公开工作主要任务的通知', issuer: '福建省人民政府办公厅', date: '2019-05-28' },
  },
  {
    file: '03-govcn-2018-ftz-measures-responsible-depts.html',
    tasks: 54,
    first: { id: '1.1', start: '借鉴北京市服务业扩大开放综合', end: '宽人才中介机构限制。', units: ['人力资源社会保障部:responsible', '住房城乡建设部:responsible', '商务部:responsible'] },
    last: { id: '5', start: '切实做好组织实施\n坚持党的领', end: '央、国务院请示报告。', units: [] },
    meta: { noticeTitle: '国务院关于支持自由贸易试验区深化改革创新若干措施的通知', issuer: '国务院', docNumber: '国发〔2018〕38号', date: '2018-11-07' },
  },
  {
    file: '04-govcn-2018-incentive-measures-dept-responsible.html',
    tasks: 30,
    first: { id: '1', start: '对深化商事制度改革成效显著、', end: '企业制度性交易成本。', units: ['市场监管总局:responsible'] },
    last: { id: '30', start: '对落实有关重大政策措施成效明', end: '〕82号）停止执行。', units: ['国务院办公厅:responsible'] },
    meta: { noticeTitle: '国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知', issuer: '国务院办公厅', docNumber: '国办发〔2018〕117号', date: '2018-12-06' },
  },
  {
    file: '05-govcn-2019-innovation-reforms-table-responsible-depts.html',
    tasks: 25,
    first: { id: '1.1', start: '知识产权保护方面5项：知识产', end: '权案件快速审判机制。', units: [] },
    last: { id: '5.23', start: '以地方立法形式建立推动改革创', end: '行政追责和效能问责。', units: ['国家发展改革委:responsible', '国务院国资委:responsible', '审计署:responsible'] },
    meta: { noticeTitle: '国务院办公厅关于推广第二批支持创新相关改革举措的通知', issuer: '国务院办公厅', docNumber: '国办发〔2018〕126号', date: '2018-12-23' },
    warnings: ['numbering-restart'], // the annex table numbers its categories from 一、 again
  },
  {
    // The closing paragraph (松原市、白城市…要切实履行属地管理责任…) and 特此通告。 are appended to
    // item 三 instead of making a closing task: the end of the last task is not pinned.
    file: '08-jilin-xxgk-notice-zoom-container.html',
    tasks: 3,
    first: { id: '1', start: '吉林省嫩江干流补充治理工程位', end: '白城市月亮湖管理局。', units: [] },
    last: { id: '3', start: '自本通告发布之日起，上述区域', units: [] },
    meta: { noticeTitle: '吉林省人民政府关于禁止在吉林省嫩江干流补充治理工程建设征占地范围内新增建设项目和迁入人口的通告', issuer: '吉林省人民政府', docNumber: '吉政明电〔2022〕1号', date: '2022-01-27' },
  },
  {
    file: '12-pingtan-2021-zwgk-task-breakdown-table-colspan-mso.html',
    tasks: 36,
    first: { id: '1.1.1', start: '主动公开“十四五”规划纲要、', end: '站专题专栏集中展示。', units: ['区经济发展局:lead', '区自然资源与生态环境局:lead', '区直有关单位:support', '各区属事业单位:support', '各片区管理局:support', '各乡镇人民政府（街道办事处）:support'] },
    last: { id: '4.3.37', start: '规范政府信息公开工作年度报告', end: '度报告编制发布工作。', units: ['区管委会办公室:lead', '区直各单位:support', '各片区管理局:support', '各乡镇人民政府（街道办事处）:support'] },
    meta: { noticeTitle: '平潭综合实验区管委会办公室关于印发2021年全区政务公开工作主要任务分解表的通知', issuer: '平潭综合实验区管委会办公室', docNumber: '岚综管办函〔2021〕39号', date: '2021-08-18' },
    warnings: ['numbering-gap'], // item 28 is missing in the source
  },
  {
    // The outline's unwrap joins the notice title line with the next, 闽政办〔2018〕43 号, so
    // docNumber comes out null (it should be 闽政办〔2018〕43号): docNumber is not pinned.
    file: '13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html',
    tasks: 42,
    first: { id: '1.1.1', start: '政府工作要做到公开透明\n坚持', end: '行政和政策落地见效。', units: ['省政府各部门:responsible', '各直属机构:responsible', '各设区市政府:responsible', '平潭综合实验区管委会:responsible'] },
    last: { id: '4.15.42', start: '组织编制公共企事业公开事项目', end: '业单位公开事项目录。', units: ['省直各有关部门:responsible', '各设区市政府:responsible', '平潭综合实验区管委会:responsible'] },
    meta: { noticeTitle: '福建省人民政府办公厅关于印发2018年政务公开工作主要任务分解表的通知', issuer: '福建省人民政府办公厅', date: '2018-05-18' },
  },
  {
    // （责任单位：区经济发展局、市场监督管理局）: the 区 of the first unit should carry over to
    // 市场监督管理局 (contract §3); the ledger reads 市场 as a place. Only the first unit is pinned.
    file: '14-pingtan-2015-credit-plan-task-division-zerendanwei-paragraphs.html',
    tasks: 34,
    first: { id: '1.1.1', start: '根据省政府相关要求，实施信用', end: '实施细则和配套措施。', units: ['区经济发展局:responsible', '人民银行平潭支行:responsible', '区直各相关单位:responsible'] },
    last: { id: '4.24.34', start: '加强广告业信用建设，建立健全', end: '和严重失信淘汰机制。', units: ['区经济发展局:responsible'] },
    meta: { noticeTitle: '平潭综合实验区管委会办公室关于印发平潭综合实验区社会信用体系建设规划（2015-2020）任务分工实施方案的通知', issuer: '平潭综合实验区管委会办公室', docNumber: '岚综管办〔2015〕165号', date: '2015-08-31' },
  },
  {
    file: '15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html',
    tasks: 60,
    first: { id: '1.1.1', start: '深入解读政策背景、依据、目标', end: '经济稳中向好的信心。', units: ['省直各部门:responsible', '各设区市:responsible', '平潭综合实验区:responsible'] },
    last: { id: '6.4.60', start: '加强和规范依申请公开工作\n畅', end: '开的，应当主动公开。', units: ['省直各部门:responsible', '各设区市:responsible', '平潭综合实验区:responsible'] },
    meta: { noticeTitle: '福建省人民政府办公厅关于印发2017年政务公开工作主要任务分解表的通知', issuer: '福建省人民政府办公厅', docNumber: '闽政办〔2017〕45号', date: '2017-04-28' },
  },
];

const OTHER_PAGES = [
  '06-govcn-2019-hospital-kpi-table-rowspan.html',
  '07-nfra-penalty-table-rowspan-rendered-dom.html',
  '09-nmg-gov-trs-ueditor-news.html',
  '10-jiangxi-wanzai-2022-stats-bulletin-chrome-saved.html',
  '11-chinaneast-gb2312-text-wrapper.html',
];

const pages = new Map<string, Promise<{ raw: Buffer; decoded: Decoded; ledger: Ledger }>>();
function page(file: string) {
  if (!pages.has(file)) {
    const raw = readFileSync(realPage(file));
    pages.set(file, read(new Uint8Array(raw), { name: file }).then((decoded) => ({ raw, decoded, ledger: ledgerOf(decoded) })));
  }
  return pages.get(file)!;
}

const unitsOf = (task: Task) => task.units.map((u) => `${u.name}:${u.role}`);

function expectPinned(task: Task | undefined, pin: PinnedTask, unitsComplete: boolean): void {
  expect(task?.id).toBe(pin.id);
  expect(task!.text.startsWith(pin.start), `${pin.id} starts ${JSON.stringify(task!.text.slice(0, 20))}`).toBe(true);
  if (pin.end) expect(task!.text.endsWith(pin.end), `${pin.id} ends ${JSON.stringify(task!.text.slice(-20))}`).toBe(true);
  if (unitsComplete) expect(unitsOf(task!)).toEqual(pin.units);
  else expect(unitsOf(task!).slice(0, pin.units.length)).toEqual(pin.units);
}

/** Every string of a ledger that a reader sees: task texts, titles, paths, units, meta. */
function ledgerStrings(ledger: Ledger): string[] {
  const meta = Object.values(ledger.meta).flat().filter((v): v is string => typeof v === 'string');
  return [...ledger.tasks.flatMap((t) => [t.text, t.title ?? '', ...t.path, ...t.units.map((u) => u.name)]), ...meta];
}

const chromeIn = (strings: string[]) => strings.flatMap((s) => CHROME.filter((p) => p.test(s)).map((p) => `${p} in ${JSON.stringify(s.slice(0, 60))}`));

describe('real government pages with work items', () => {
  for (const expected of WORK_ITEM_PAGES) {
    describe(expected.file, () => {
      it(`has ${expected.tasks} tasks, the first and last as pinned`, async () => {
        const { ledger } = await page(expected.file);
        const numbered = ledger.tasks.filter((t) => !t.id.startsWith('end'));
        expect(numbered).toHaveLength(expected.tasks);
        expectPinned(numbered[0], expected.first, true);
        expectPinned(numbered.at(-1), expected.last, !expected.file.startsWith('14-'));
      });

      it('has the notice’s meta, from its text and the page’s disclosure block and <meta> tags', async () => {
        const { ledger } = await page(expected.file);
        expect(ledger.meta).toMatchObject(expected.meta);
        expect(ledger.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
      });

      it('lets no chrome of the page into any task or meta field', async () => {
        const { raw, decoded, ledger } = await page(expected.file);
        expect(chromeIn([raw.toString('utf8')]).length).toBeGreaterThan(0); // the page has chrome to lose
        // The reader leaves chrome lines in its text; the clean stage drops them, with a reason.
        const cleaned = clean(decoded);
        expect(chromeIn([...cleaned.lines.map((l) => l.text), ...Object.values(cleaned.file.metaHints).map(String)])).toEqual([]);
        expect(chromeIn(ledgerStrings(ledger))).toEqual([]);
      });
    });
  }
});

describe('real government pages without work items', () => {
  for (const file of OTHER_PAGES) {
    it(`${file}: reads the article without chrome`, async () => {
      const { decoded, ledger } = await page(file);
      expect(decoded.format).toBe('html');
      expect(decoded.text.length).toBeGreaterThan(200);
      expect(chromeIn(decoded.text.split('\n'))).toEqual([]);
      expect(chromeIn(ledgerStrings(ledger))).toEqual([]);
    });
  }

  it('06: expands deep rowspans of a Word indicator table into full rows', async () => {
    const { decoded } = await page('06-govcn-2019-hospital-kpi-table-rowspan.html');
    const rows = decoded.text.split('\n').filter((line) => line.endsWith(' |'));
    expect(rows[0]).toBe('一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标说明 |');
    expect(rows[1]).toMatch(/^一、医疗质量 \| （一）功能定位 \| 1\.门诊人次数与出院人次数比 \| 定量 \| 计算方法/);
    expect(rows.length).toBeGreaterThan(55);
    expect(rows.every((row) => row.split(' | ').length === 5)).toBe(true);
    expect(decoded.warnings).toEqual([]);
  });

  it('07: ignores the gb2312 <meta> Word pasted into the body of a UTF-8 page, and reads the duplicated body once', async () => {
    const { decoded } = await page('07-nfra-penalty-table-rowspan-rendered-dom.html');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.split('\n')).toEqual([
      '序号 | 当事人名称 | 行政处罚决定书文号 | 主要违法违规行为 | 行政处罚内容 | 作出决定机关 |',
      '1 | 中国太平洋财产保险股份有限公司温州分公司 | 浙金罚决字〔2024〕52号 | 给予投保人保险合同约定以外的其他利益；编制或者提供虚假的报告、报表、文件、资料 | 罚款56万元 | 浙江金融监管局 |',
      '2 | 陈首伟（时任中国太平洋财产保险股份有限公司温州分公司副总经理） | 浙金罚决字〔2024〕52号 | 给予投保人保险合同约定以外的其他利益；编制或者提供虚假的报告、报表、文件、资料 | 警告并罚款14万元 | 浙江金融监管局 |',
    ]);
  });

  it('09: reads a TRS_UEDITOR body shown twice (PC and mobile) once', async () => {
    const { decoded } = await page('09-nmg-gov-trs-ueditor-news.html');
    expect(decoded.text.split('\n').filter((line) => line.startsWith('自治区财政厅传出最新消息'))).toHaveLength(1);
  });

  it('10: reads a browser-saved page whose scripts come before <head>', async () => {
    const { decoded } = await page('10-jiangxi-wanzai-2022-stats-bulletin-chrome-saved.html');
    expect(decoded.text.split('\n').slice(0, 2)).toEqual(['万载县统计局 国家统计局万载调查队', '（2023年5月）']);
    expect(decoded.metaHints?.title).toBe('万载县2022年国民经济和社会发展统计公报');
  });

  it('11: decodes a GB2312 page behind a crawler’s <text> wrapper, and finds its article by text density', async () => {
    const { decoded } = await page('11-chinaneast-gb2312-text-wrapper.html');
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.text).toContain('李金泽同志现任黑龙江省勃农机械有限责任公司党委书记、董事长兼总经理。');
    expect(decoded.text).not.toMatch(/免责声明|联系电话|责任编辑/);
  });
});
