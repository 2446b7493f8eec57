import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { buildLedger } from '../../src/ledger/index.js';
import { unitsOfClause } from '../../src/ledger/unit-clauses.js';
import { decoded, item, outlineOf } from '../support/models.js';
import { clean } from '../../src/clean/index.js';
import { outline } from '../../src/outline/index.js';

// Unit clauses as real notices write them (contract §3), on made-up examples.

const units = (clause: string) => unitsOfClause(clause, { defaultRole: 'responsible', ownPlaceStems: [] }).map((u) => `${u.name}:${u.role}`);
/** The ledger of a plan with one item （一） under 一、推进决策公开: its head, then its body lines. */
const ledger = (head: string, ...body: string[]): Ledger => buildLedger(outlineOf({ items: [item('一、', '推进决策公开', item('（一）', head, ...body))] }));

describe('unit clauses', () => {
  it('reads 会 between two units as “with”: the first responsible, the second supporting', () => {
    expect(units('法规科会办公室')).toEqual(['法规科:responsible', '办公室:support']);
    expect(units('市委宣传部会同市网信办落实')).toEqual(['市委宣传部:lead', '市网信办:support']);
  });

  it('strips 等 and what it stands for, and qualifiers like 按职能分工', () => {
    expect(units('县住建局等有关部门')).toEqual(['县住建局:responsible']);
    expect(units('县商务局等招商引资工作领导小组成员单位')).toEqual(['县商务局:responsible']);
    expect(units('县政府办牵头，县直其他单位按职能分工落实')).toEqual(['县政府办:lead', '县直其他单位:responsible']);
  });

  it('drops notes inside a clause that name no unit', () => {
    expect(units('县发改局牵头，各乡镇负责，以下各项均需各乡镇落实，不再逐一列出')).toEqual(['县发改局:lead', '各乡镇:responsible']);
  });

  it('keeps one group whose 各 or level is lent to the names after it', () => {
    expect(units('各乡、街办、管理处')).toEqual(['各乡、街办、管理处:responsible']);
    expect(units('各县、区人民政府')).toEqual(['各县、区人民政府:responsible']);
    expect(units('市、县（区）民政部门')).toEqual(['市、县（区）民政部门:responsible']);
  });

  it('drops a bracketed note after a name', () => {
    expect(units('市直各单位，各县、区人民政府（包括高新区管委会，下同）')).toEqual(['市直各单位:responsible', '各县、区人民政府:responsible']);
  });

  it('reads labelled clause lines under an item, role words stripped from the names', () => {
    const l = ledger('健全决策目录管理。按时公布年度重大行政决策事项目录。', '责任单位：县司法局、县直各部门，各乡镇按职责分工分别负责。');
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县司法局:responsible', '县直各部门:responsible', '各乡镇:responsible']);
  });

  it('reads a clause cut off at the end of the file', () => {
    const l = ledger('健全决策目录管理，按时公布年度目录。（县司法局牵头，县直各部门、各乡');
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县司法局:lead', '县直各部门:responsible', '各乡:responsible']);
  });

  it('reads labels run together after the last sentence, as when their lines were joined', () => {
    const l = ledger('推动地区生产总值增长6%左右。牵头单位：县发改局责任单位：县工信局、各乡镇');
    expect(l.tasks[0]!.text).toBe('推动地区生产总值增长6%左右。');
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县发改局:lead', '县工信局:responsible', '各乡镇:responsible']);
    expect(units('牵头单位：县财政局配合单位：县审计局')).toEqual(['县财政局:lead', '县审计局:support']);
  });

  it('gives a clause standing alone after a run of items none of which names units to every item of the run (§3)', () => {
    const l = buildLedger(
      outlineOf({
        items: [
          item('一、', '加强政策解读', item('1.', '严格落实解读制度。'), item('2.', '丰富解读形式。'), item('3.', '加强政策咨询。', '（责任单位：县政府办公室，县直各单位）')),
          item('二、', '推进平台建设', item('（一）', '加强政府网站管理。'), item('（二）', '办好政务新媒体。（县融媒体中心负责）'), item('（三）', '规范政务公开专区。', '责任单位：县政务服务中心')),
        ],
      }),
    );
    expect(l.tasks.map((t) => [t.id, t.units.map((u) => u.name).join('、')])).toEqual([
      ['1.1', '县政府办公室、县直各单位'],
      ['1.2', '县政府办公室、县直各单位'],
      ['1.3', '县政府办公室、县直各单位'],
      // An item with a clause of its own ends the run: the line after it is the next item's only.
      ['2.1', ''],
      ['2.2', '县融媒体中心'],
      ['2.3', '县政务服务中心'],
    ]);
  });

  it('gives a heading’s clause, or its clause lines, to the items under it that name no units', () => {
    const l = buildLedger(
      outlineOf({
        items: [
          item('一、', '推进重点领域公开（县政府办公室牵头，县直各部门配合）', item('（一）', '推进财政信息公开。'), item('（二）', '推进项目信息公开。（县发改局负责）')),
          item('二、', '加强平台建设', item('（一）', '推进政务新媒体规范化', '责任单位：县融媒体中心', item('1.', '清理整合政务新媒体。'))),
        ],
      }),
    );
    expect(l.tasks.map((t) => [t.id, t.path.join('/'), t.units.map((u) => `${u.name}:${u.role}`).join('、')])).toEqual([
      ['1.1', '推进重点领域公开', '县政府办公室:lead、县直各部门:support'],
      ['1.2', '推进重点领域公开', '县发改局:responsible'],
      // The heading with only its clause line is no task of its own.
      ['2.1.1', '加强平台建设/推进政务新媒体规范化', '县融媒体中心:responsible'],
    ]);
  });

  it('makes the first unit of each clause lead where the notice says so (第一责任单位为牵头单位), its note no task text', () => {
    const plan = (note: string) =>
      buildLedger(outlineOf({ preamble: [note], items: [item('一、', '推进决策公开', item('（一）', '落实预公开制度。（县司法局、县直各部门）'), item('（二）', '做好政策解读。（县政府办牵头，县融媒体中心负责）'))] }));
    for (const note of ['第一责任单位为牵头单位。', '各项任务中排在首位的为牵头单位，其他为配合单位。']) {
      expect(plan(note).tasks.map((t) => t.units.map((u) => `${u.name}:${u.role}`)), note).toEqual([
        ['县司法局:lead', '县直各部门:responsible'],
        ['县政府办:lead', '县融媒体中心:responsible'],
      ]);
    }
    expect(plan('各单位要认真落实。').tasks[0]!.units.map((u) => u.role)).toEqual(['responsible', 'responsible']);
    const after = ledger('落实预公开制度。（县司法局、县直各部门）', '注：第一责任单位为牵头单位。');
    expect([after.tasks[0]!.text, after.tasks[0]!.units[0]!.role]).toEqual(['落实预公开制度。', 'lead']);
  });

  it('reads a clause with a note or with what a role word takes after it (负责本辖区工作), neither a unit', () => {
    expect(units('县财政局负责，各乡镇负责本辖区工作')).toEqual(['县财政局:responsible', '各乡镇:responsible']);
    expect(units('各乡镇、县直各单位负责，县政府办负责统筹协调')).toEqual(['各乡镇:responsible', '县直各单位:responsible', '县政府办:responsible']);
    expect(units('县统计局牵头，县直有关单位配合。各乡镇参照执行')).toEqual(['县统计局:lead', '县直有关单位:support']);
    const l = ledger('公开部门预决算。（县审计局负责，下同）');
    expect([l.tasks[0]!.text, l.tasks[0]!.units.map((u) => u.name)]).toEqual(['公开部门预决算。', ['县审计局']]);
  });

  it('reads more role words and role labels (主责, 统筹, 协助, 为牵头单位, 配合科室, 牵头处室)', () => {
    expect(units('区民政局主责，各街道协办')).toEqual(['区民政局:responsible', '各街道:support']);
    expect(units('市政府办公室统筹，市直各单位负责')).toEqual(['市政府办公室:lead', '市直各单位:responsible']);
    expect(units('市发改委牵头，市市场监管局协助')).toEqual(['市发改委:lead', '市市场监管局:support']);
    expect(units('市卫健委为牵头单位，市医保局为配合单位')).toEqual(['市卫健委:lead', '市医保局:support']);
    expect(units('责任科室：疾控科；配合科室：应急办')).toEqual(['疾控科:responsible', '应急办:support']);
    expect(units('牵头处室：办公室；配合责任单位：法规处')).toEqual(['办公室:lead', '法规处:support']);
  });

  it('reads a role in brackets after a name, labelled or not: 市民政局（牵头）、市卫健委', () => {
    expect(units('市民政局（牵头）、市卫健委')).toEqual(['市民政局:lead', '市卫健委:responsible']);
    expect(units('市住建局（牵头单位）、市自然资源局')).toEqual(['市住建局:lead', '市自然资源局:responsible']);
  });

  it('reads a clause line set in brackets of its own, and a time label after the units on one line', () => {
    const l = ledger('推进基层政务公开标准化。', '[牵头单位：县政务公开办；配合单位：县直有关部门]');
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县政务公开办:lead', '县直有关部门:support']);
    const spaced = ledger('推进住建领域公开。', '责任单位：县住建局　　完成时限：年底前');
    expect([spaced.tasks[0]!.units.map((u) => u.name), spaced.tasks[0]!.deadlines.map((d) => d.text)]).toEqual([['县住建局'], ['年底前']]);
  });

  it('joins a labelled clause broken after its ；onto the next line', () => {
    const lines = ['某县2024年政务公开工作要点', '一、推进决策公开', '（一）推进统计信息公开。（牵头单位：县统计局；', '配合单位：县直有关单位）'];
    const l = buildLedger(outline(clean(decoded(lines.join('\n')))));
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县统计局:lead', '县直有关单位:support']);
  });

  it('takes a clause that ends its sentence before the stop (…预公开（责任单位：X）。) as trailing it', () => {
    const l = ledger('推进重大行政决策预公开（责任单位：县司法局、县直各部门）。严格落实公众参与制度。');
    // Text that goes on after a clause is a further task of the item (§2.2 rule 3).
    expect(l.tasks.map((t) => [t.text, t.units.map((u) => u.name)])).toEqual([
      ['推进重大行政决策预公开', ['县司法局', '县直各部门']],
      ['严格落实公众参与制度。', []],
    ]);
    // A bracket that names no unit, before a stop, stays in the text.
    expect(ledger('依照《条例》（国务院令第711号）。做好公开工作。').tasks[0]!.text).toBe('依照《条例》（国务院令第711号）。做好公开工作。');
  });

  it('reads a limit labelled 时间 in a clause as a 时限 cell', () => {
    const l = ledger('推进政务公开专区建设。（各乡镇负责；时间：2024年内）');
    expect([l.tasks[0]!.text, l.tasks[0]!.units.map((u) => u.name), l.tasks[0]!.deadlines.map((d) => d.text)]).toEqual(['推进政务公开专区建设。', ['各乡镇'], ['2024年内']]);
  });

  it('reads a label in 【】 as one with a colon, and a role word in brackets after a name as its role', () => {
    const l = ledger('公开部门预决算，细化到项级科目。', '【责任单位】县财政局（牵头）、县直各部门', '【完成时限】2024年12月31日前');
    expect(l.tasks[0]!.text).toBe('公开部门预决算，细化到项级科目。');
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县财政局:lead', '县直各部门:responsible']);
    expect(l.tasks[0]!.deadlines.map((d) => d.text)).toEqual(['2024年12月31日前']);
    expect(units('责任单位：县公共资源交易中心（牵头），县财政局（配合）')).toEqual(['县公共资源交易中心:lead', '县财政局:support']);
  });

  it('takes the time limits a clause names as the task’s, not as units', () => {
    const limits = (l: Ledger) => l.tasks[0]!.deadlines.map((d) => `${d.text}=${d.date}`);
    const who = (l: Ledger) => l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`);
    // A labelled limit among labelled units, read as a 时限 cell is.
    const labelled = ledger('健全决策目录管理，按时公布年度目录。（牵头单位：县司法局；配合单位：县直各部门；完成时限：2023年6月底前）');
    expect([who(labelled), limits(labelled), labelled.tasks[0]!.text]).toEqual([['县司法局:lead', '县直各部门:support'], ['2023年6月底前=2023-06-30'], '健全决策目录管理，按时公布年度目录。']);
    // A limit written after the units, after a comma or a full stop, read as text is.
    for (const clause of ['（县财政局负责，2023年底前完成）', '（责任单位：县财政局、各乡镇。2023年底前完成）']) {
      const l = ledger(`公开部门预决算，细化到项级科目。${clause}`);
      expect(l.tasks[0]!.text, clause).toBe('公开部门预决算，细化到项级科目。');
      expect(limits(l), clause).toEqual(['2023年底前=2023-12-31']);
      expect(who(l)[0], clause).toBe('县财政局:responsible');
    }
    // A parenthesis that only names a time is no unit clause.
    const timeOnly = ledger('公开部门预决算，细化到项级科目（2023年底前完成）。');
    expect([timeOnly.tasks[0]!.units, timeOnly.tasks[0]!.text]).toEqual([[], '公开部门预决算，细化到项级科目（2023年底前完成）。']);
  });

  it('takes an undated limit in a clause (即日起执行) as the task’s limit, not as a unit', () => {
    const l = ledger('出台政策同步解读。（县政府办负责，即日起执行）');
    expect([l.tasks[0]!.text, l.tasks[0]!.units.map((u) => u.name), l.tasks[0]!.deadlines]).toEqual(['出台政策同步解读。', ['县政府办'], [{ text: '即日起执行', date: null }]]);
  });

  it('reads a labelled time limit on a line of its own after the item as a 时限 cell, not as text', () => {
    const l = ledger('做好政策解读工作，政策文件与解读材料同步起草、同步审签、同步发布。', '责任单位：县政府办、县直各部门', '完成时限：持续推进');
    expect([l.tasks[0]!.title, l.tasks[0]!.text]).toEqual([null, '做好政策解读工作，政策文件与解读材料同步起草、同步审签、同步发布。']);
    expect(l.tasks[0]!.deadlines).toEqual([{ text: '持续推进', date: null }]);
    expect(l.tasks[0]!.units.map((u) => u.name)).toEqual(['县政府办', '县直各部门']);
  });

  it('leaves a label inside a sentence, or one followed by more sentences, in the text', () => {
    const l = ledger('明确责任单位：县直各部门要高度重视。按时报送进展。');
    expect(l.tasks[0]!.text).toBe('明确责任单位：县直各部门要高度重视。按时报送进展。');
    expect(l.tasks[0]!.units).toEqual([]);
  });

  it('reads units named without brackets after the last sentence, and on a line of their own', () => {
    const read = (l: Ledger) => l.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`), t.deadlines.map((d) => d.text)]);
    expect(read(ledger('做好重大行政决策预公开，由县司法局牵头，县政府办配合。'))).toEqual([['做好重大行政决策预公开', ['县司法局:lead', '县政府办:support'], []]]);
    expect(read(ledger('规范政府网站管理，县政府办负责，12月底前完成。'))).toEqual([['规范政府网站管理', ['县政府办:responsible'], ['12月底前']]]);
    expect(read(ledger('加强政策解读，县政府办牵头，各乡镇、县直各部门按职责分工负责。'))).toEqual([['加强政策解读', ['县政府办:lead', '各乡镇:responsible', '县直各部门:responsible'], []]]);
    expect(read(ledger('规范政务新媒体管理。县委网信办负责。'))).toEqual([['规范政务新媒体管理。', ['县委网信办:responsible'], []]]);
    expect(read(ledger('加强政务新媒体建设', '县委网信办牵头，县政府办配合'))).toEqual([['加强政务新媒体建设', ['县委网信办:lead', '县政府办:support'], []]]);
  });

  it('leaves a sentence that ends in a role word in the text when what takes the role is no unit', () => {
    for (const sentence of [
      '建立健全工作机制，各地各部门要加强统筹协调。',
      '推进政务公开，主要负责同志要带头落实。',
      '加强信息发布，市直各部门要积极配合。',
      '拓展公众参与渠道，形成政府主导、全社会参与。',
      '落实首问负责制度，做到专人负责。',
      '健全公开制度，实行属地管理、分级负责。',
      '强化考核，市政府办公室将会同市有关部门加强指导。',
      '做好年度报告工作，年底前完成。',
    ]) {
      const l = ledger(sentence);
      expect([l.tasks[0]!.text, l.tasks[0]!.units], sentence).toEqual([sentence, []]);
    }
    // A note on the roles is no clause of units.
    expect(ledger('推进财政预决算公开。（市财政局、各县（区）政府）', '注：第一责任单位为牵头单位。').tasks[0]!.units.map((u) => u.name)).toEqual(['市财政局', '各县（区）政府']);
  });

  it('adds a clause in a table row’s text to its unit column, the clause giving its role to the names both hold', () => {
    const table = ['某市2021年政务公开重点任务分工', '| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| 1 | 做好政策解读，市政府办负责。 | 市政府办、市直各部门 | 持续推进 |', '| 2 | 推进财政公开（市财政局牵头） | 市财政局、各区政府 | 6月底前 |'];
    const l = buildLedger(outline(clean(decoded(table.join('\n')))));
    expect(l.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['做好政策解读', ['市政府办:responsible', '市直各部门:responsible']],
      ['推进财政公开', ['市财政局:lead', '各区政府:responsible']],
    ]);
  });

  it('takes a leader named for the task (牵头领导, 责任领导) for a person: neither a unit nor task text', () => {
    const inClause = ledger('推进交通信息公开。（牵头领导：张副市长；牵头单位：市交通运输局；责任单位：各县（区）政府）');
    expect(inClause.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市交通运输局:lead', '各县（区）政府:responsible']);
    const onALine = ledger('推进住房信息公开。', '责任领导：李副市长', '责任单位：市住建局');
    expect([onALine.tasks[0]!.text, onALine.tasks[0]!.units.map((u) => u.name)]).toEqual(['推进住房信息公开。', ['市住建局']]);
    // A leadership group is a body, named as any unit: 领导小组 in a clause stays.
    expect(ledger('推进公开。（县政务公开领导小组办公室负责）').tasks[0]!.units.map((u) => u.name)).toEqual(['县政务公开领导小组办公室']);
  });

  it('reads a bracket of bare unit names that also names a time limit as the clause', () => {
    const l = ledger('开展政府开放日活动。（各乡镇、县直有关部门，2022年10月底前）');
    expect([l.tasks[0]!.text, l.tasks[0]!.units.map((u) => u.name), l.tasks[0]!.deadlines.map((d) => d.text)]).toEqual(['开展政府开放日活动。', ['各乡镇', '县直有关部门'], ['2022年10月底前']]);
  });

  it('drops how often a clause says (每季度更新, 按月编发): neither a unit nor a time limit', () => {
    for (const clause of ['（县政府办负责，每季度更新）', '（县政府办负责，按月编发）', '（县政府办负责；定期公开）']) {
      const l = ledger(`更新政府信息公开专栏。${clause}`);
      expect([l.tasks[0]!.text, l.tasks[0]!.units.map((u) => u.name), l.tasks[0]!.deadlines], clause).toEqual(['更新政府信息公开专栏。', ['县政府办'], []]);
    }
    // A labelled limit stays the task's, whatever it says; a bracket saying only how often is text.
    expect(ledger('更新专栏。（县政府办负责；完成时限：按月更新）').tasks[0]!.deadlines.map((d) => d.text)).toEqual(['按月更新']);
    expect(ledger('更新专栏（每季度更新一次）。').tasks[0]!.text).toBe('更新专栏（每季度更新一次）。');
  });

  it('parts labels in 【】 that follow one another on a line', () => {
    const l = ledger('加强解读培训', '【牵头单位】市政府办公室【配合单位】各县（市、区）政府');
    expect(l.tasks[0]!.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市政府办公室:lead', '各县（市、区）政府:support']);
    expect(units('【牵头单位】市政府办公室')).toEqual(['市政府办公室:lead']);
  });

  it('keeps a role word that is part of a name (各承办单位), and reads labelled units after named ones', () => {
    expect(units('各承办单位负责')).toEqual(['各承办单位:responsible']);
    expect(units('市财政局牵头，各配合单位落实')).toEqual(['市财政局:lead', '各配合单位:responsible']);
    expect(units('县财政局为牵头单位，县审计局为配合单位')).toEqual(['县财政局:lead', '县审计局:support']);
    expect(units('市卫健委牵头。配合单位：市医保局、市财政局')).toEqual(['市卫健委:lead', '市医保局:support', '市财政局:support']);
  });

  it('ends a part of a sentence at a clause before a comma when another clause closes the rest, and not otherwise', () => {
    const read = (l: Ledger) => l.tasks.map((t) => [t.text, t.units.map((u) => u.name)]);
    expect(read(ledger('做好就业政策公开（县人社局负责），公开医疗保险政策（县医保局负责）。'))).toEqual([
      ['做好就业政策公开', ['县人社局']],
      ['公开医疗保险政策', ['县医保局']],
    ]);
    expect(read(ledger('推进政务公开（县政府办负责），确保各项工作落实到位。'))).toEqual([['推进政务公开（县政府办负责），确保各项工作落实到位。', []]]);
  });

  it('reads 负总责 and 督促指导 as leading, and 按照属地原则, 按各自职责 as qualifiers', () => {
    expect(units('县发改局负总责，各项目单位具体负责')).toEqual(['县发改局:lead', '各项目单位:responsible']);
    expect(units('县政府办督促指导，各乡镇按照属地原则负责')).toEqual(['县政府办:lead', '各乡镇:responsible']);
    expect(units('县人社局、县医保局按照各自职责负责')).toEqual(['县人社局:responsible', '县医保局:responsible']);
    // 负责督促指导 is what 负责 takes, no unit and no second role.
    expect(units('县政府办负责督促指导')).toEqual(['县政府办:responsible']);
  });

  it('splits on 以及 as on 及, only where both pieces are units', () => {
    expect(units('县人社局以及县医保局按职责分工负责')).toEqual(['县人社局:responsible', '县医保局:responsible']);
    expect(units('县融媒体中心以及社会各界')).toEqual(['县融媒体中心以及社会各界:responsible']);
  });

  it('reads a run of role words (配合落实) closing an unbracketed clause, not a sentence ending so', () => {
    const l = ledger('做好政策解读，重要政策同步解读。市政府办公室负责，各区县政府、市直各部门配合落实。');
    expect(l.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['做好政策解读，重要政策同步解读。', ['市政府办公室:responsible', '各区县政府:support', '市直各部门:support']],
    ]);
    const s = ledger('做好政策解读，各部门要积极配合落实。');
    expect(s.tasks.map((t) => [t.text, t.units])).toEqual([['做好政策解读，各部门要积极配合落实。', []]]);
  });
});
