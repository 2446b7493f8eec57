import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../src/model.js';
import { unwrap } from '../../src/outline/unwrap.js';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, line: i + 1 }));
const texts = (result: SourceLine[]) => result.map((l) => l.text);

describe('unwrap: lines broken inside a paragraph', () => {
  it('joins a paragraph hard-wrapped at one width, keeping the first line’s position', () => {
    const wrapped = lines(
      '一、加强政策解读',
      '（一）做好重要政策解读。各区各部门出台重要',
      '政策文件时，要同步做好解读材料的起草、审核',
      '和发布工作，确保解读与文件同步部署、同步发',
      '布。（区政府办公室负责）',
      '（二）回应社会关切。对涉及群众切身利益的热',
      '点问题，要及时准确发布权威信息，正面回应社',
      '会关切，消除误解疑虑。（各街道、区直各部门',
      '负责）',
      '（三）加强政策解读平台建设。在区政府网站设',
      '立政策解读专栏，集中发布解读材料，方便公众',
      '查阅。',
    );
    const result = unwrap(wrapped);
    expect(texts(result)).toEqual([
      '一、加强政策解读',
      '（一）做好重要政策解读。各区各部门出台重要政策文件时，要同步做好解读材料的起草、审核和发布工作，确保解读与文件同步部署、同步发布。（区政府办公室负责）',
      '（二）回应社会关切。对涉及群众切身利益的热点问题，要及时准确发布权威信息，正面回应社会关切，消除误解疑虑。（各街道、区直各部门负责）',
      '（三）加强政策解读平台建设。在区政府网站设立政策解读专栏，集中发布解读材料，方便公众查阅。',
    ]);
    expect(result[1]).toMatchObject({ line: 2 });
  });

  it('leaves a document of ordinary paragraphs alone', () => {
    const plain = lines('一、工作任务', '（一）推进决策公开。', '（二）推进执行公开。', '各单位要抓好落实。');
    expect(texts(unwrap(plain))).toEqual(texts(plain));
  });

  it('joins a line that ends inside a bracket or on a comma', () => {
    expect(texts(unwrap(lines('推进信息公开。（市财政局牵头，', '市审计局配合）')))).toEqual(['推进信息公开。（市财政局牵头，市审计局配合）']);
    expect(texts(unwrap(lines('各镇人民政府，', '区直各部门：')))).toEqual(['各镇人民政府，区直各部门：']);
  });

  it('never joins onto a numbered item, a date, an office line or a table row', () => {
    expect(texts(unwrap(lines('推进信息公开，', '（二）做好解读。')))).toHaveLength(2);
    expect(texts(unwrap(lines('抄送：市委办公室，', '2022年3月1日')))).toHaveLength(2);
    expect(texts(unwrap(lines('请认真贯彻执行，', '某某县人民政府办公室')))).toHaveLength(2);
    expect(texts(unwrap(lines('工作任务，', '推进公开 | 市财政局 |')))).toHaveLength(2);
  });

  it('joins the wrapped cells of a table flattened to a cell per line: few lines at the width, none longer', () => {
    const WIDTH = 24;
    const wrap = (cell: string) => Array.from({ length: Math.ceil(cell.length / WIDTH) }, (_, i) => cell.slice(i * WIDTH, (i + 1) * WIDTH));
    const tasks = [
      '1.依托政府信息公开平台，完善全市行政规章库建设，高质量发布现行有效规章正式版本。',
      '2.市直各单位要依托政府信息公开平台，建成本部门行政规范性文件库，集中公开现行有效的文件。',
      '3.各县区参照市级规范性文件库模式，推进本地区文件库建设，实现集中统一公开。',
      '4.做好政策解读，确保文件与解读材料同步起草、同步审核、同步发布，丰富解读形式。',
      '5.规范政府信息公开年度报告编制，确保格式统一、数据准确，按时发布。',
    ];
    // Unit cells of many lengths, all shorter than the width: fewer than 40% of the long lines are at it.
    const units = ['市政府办公室、市司法局牵头，各区配合', '市直各单位按职能分工分别负责落实到位', '各县区人民政府及功能区管委会负责', '市政府办公室牵头，市直各单位配合落实', '市政务服务数据管理局负责落实推进'];
    const cells = ['工作任务', '具体措施', '责任单位', '完成时限', '（一）推进规章集中公开', ...tasks.flatMap((task, i) => [...wrap(task), units[i]!, '年底前'])];
    const result = texts(unwrap(lines(...cells)));
    expect(result).toEqual(['工作任务', '具体措施', '责任单位', '完成时限', '（一）推进规章集中公开', ...tasks.flatMap((task, i) => [task, units[i]!, '年底前'])]);
    // Among paragraphs much longer than that width, the same lines are not taken for wrapped ones.
    const longer = '各单位要高度重视政务公开工作，加强组织领导，明确责任分工，确保各项任务落到实处。';
    const amongLonger = texts(unwrap(lines(...cells, ...Array<string>(8).fill(longer))));
    expect(amongLonger).toContain(wrap(tasks[0]!)[0]);
  });

  it('joins a line starting with the next ordinal of a 一是 list that began inside the paragraph', () => {
    expect(texts(unwrap(lines('（一）做好解读。按照原则，一是同步解读，', '二是丰富形式；', '三是评估效果。（县政府办牵头）')))).toEqual([
      '（一）做好解读。按照原则，一是同步解读，二是丰富形式；三是评估效果。（县政府办牵头）',
    ]);
    expect(texts(unwrap(lines('（二）回应关切，', '一是及时回应。')))).toEqual(['（二）回应关切，一是及时回应。']);
  });

  it('keeps 一是 items that start their lines as items', () => {
    const items = lines('（二）推进项目公开。', '一是公开审批结果，', '二是公开招投标信息。');
    expect(texts(unwrap(items))).toEqual(texts(items));
  });

  it('joins a decimal number a sentence broke onto a line, but not the next decimal item', () => {
    expect(texts(unwrap(lines('1.1 公开专项资金使用、', '3.2亿元债券资金分配情况。')))).toEqual(['1.1 公开专项资金使用、3.2亿元债券资金分配情况。']);
    expect(texts(unwrap(lines('1.1 公开道路建设进度（新建道路', '2.5公里），按月公开。')))).toEqual(['1.1 公开道路建设进度（新建道路2.5公里），按月公开。']);
    expect(texts(unwrap(lines('3.1 公开决策目录，', '3.2 公开征求意见情况。')))).toHaveLength(2);
    expect(texts(unwrap(lines('3 推进执行公开，', '3.1 公开进展情况。')))).toHaveLength(2);
  });
});
