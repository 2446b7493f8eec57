import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportLedger, formatFromPath } from '../../src/export/index.js';
import { toCsv } from '../../src/export/csv.js';
import { toJson } from '../../src/export/json.js';
import { toMarkdown } from '../../src/export/md.js';
import { toTerminal } from '../../src/export/terminal.js';
import { toYaml } from '../../src/export/yaml.js';
import type { Ledger, Task } from '../../src/model.js';

const GOLD_DIRECTORY = new URL('../../fixtures/gold/', import.meta.url);
// Any SGR escape sequence.
const ANSI = /\u001b\[\d+(;\d+)*m/;

/** The gold ledgers, completed with the fields they leave out. */
function goldLedgers(): Ledger[] {
  return readdirSync(GOLD_DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ sections: [], warnings: [], ...JSON.parse(readFileSync(new URL(name, GOLD_DIRECTORY), 'utf8')) }));
}

function task(fields: Partial<Task> & Pick<Task, 'id' | 'seq' | 'text'>): Task {
  return { path: [], title: null, units: [], deadlines: [], line: null, ...fields };
}

const sharedPath = ['深入解读重要政策措施', '（一）政策解读'];

function sampleLedger(): Ledger {
  return {
    schema: 'taizhang/1',
    source: { name: '001.txt', format: 'text', encoding: 'utf-8', script: 'traditional' },
    meta: {
      title: '台山市2019年政务公开工作要点',
      noticeTitle: '关于印发台山市2019年政务公开工作要点的通知',
      issuer: '台山市人民政府办公室',
      docNumber: '台府办函〔2019〕362号',
      date: '2019-10-26',
      year: 2019,
      region: '台山市',
      recipients: ['各镇（街）政府（办事处）', '市有关单位'],
    },
    sections: [{ id: '1', marker: '一、', title: '深入解读重要政策措施', children: [] }],
    tasks: [
      task({
        id: '1.1.1',
        seq: 1,
        path: sharedPath,
        title: '推进政务服务公开',
        text: '推进政务服务公开。抓好“线上线下”平台建设。',
        units: [
          { name: '市政府办公室', role: 'lead' },
          { name: '各镇（街）', role: 'support' },
          { name: '市直各单位', role: 'support' },
          { name: '市财政局', role: 'responsible' },
        ],
        deadlines: [
          { text: '年底前', date: '2019-12-31' },
          { text: '公开后3个工作日内', date: null },
        ],
        line: 9,
      }),
      // Split off the same item: the ledger stage may hand both tasks the very same path array.
      task({ id: '1.1.1-2', seq: 2, path: sharedPath, text: '第一段|竖线\n第二段<b>加粗</b>', line: 10 }),
      task({ id: '2.1.1.1', seq: 3, path: ['二', '三', '四', '五'], text: '四级以下的任务。' }),
      task({ id: 'end', seq: 4, text: '各县（区）、各部门要认真落实。' }),
    ],
    warnings: [{ code: 'numbering-gap', message: '十一 is followed by 十三', line: 40 }],
  };
}

/** Strings a YAML 1.1 reader would take for booleans, numbers, dates or null if left unquoted. */
const YAML_11_LOOKALIKES = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'NO', '2019-12-31', '010', '0x1A',
  '1_000', '1:20', '12:30:00', '0o17', '.inf', '3.0', '+12', 'null', '~', '', '<<', '=', '2001-12-14 21:59:43.10 -5'];

function lookalikeLedger(): Ledger {
  const ledger = sampleLedger();
  ledger.tasks = YAML_11_LOOKALIKES.map((value, index) =>
    task({ id: value, seq: index + 1, path: [value], title: value, text: value, deadlines: [{ text: value, date: value }] }),
  );
  ledger.meta.recipients = YAML_11_LOOKALIKES;
  return ledger;
}

function csvLines(csv: string): string[] {
  return csv.replace(/^\ufeff/, '').trimEnd().split('\n');
}

describe('formatFromPath', () => {
  it('knows the ledger extensions, in any case', () => {
    expect(formatFromPath('out/a.json')).toBe('json');
    expect(formatFromPath('a.yaml')).toBe('yaml');
    expect(formatFromPath('a.YML')).toBe('yaml');
    expect(formatFromPath('a.csv')).toBe('csv');
    expect(formatFromPath('a.md')).toBe('md');
  });

  it('knows nothing else', () => {
    expect(formatFromPath('a.txt')).toBeUndefined();
    expect(formatFromPath('json')).toBeUndefined();
  });
});

describe('exportLedger', () => {
  it('picks the exporter by format name', async () => {
    const ledger = sampleLedger();
    expect(await exportLedger(ledger, 'json')).toBe(toJson(ledger));
    expect(await exportLedger(ledger, 'yaml')).toBe(toYaml(ledger));
    expect(await exportLedger(ledger, 'csv', { header: 'en' })).toBe(toCsv(ledger, { header: 'en' }));
    expect(await exportLedger(ledger, 'md')).toBe(toMarkdown(ledger, {}));
    expect(await exportLedger(ledger, 'terminal')).toBe(toTerminal(ledger, {}));
  });
});

describe('json', () => {
  it('writes the contract keys in order, pretty-printed, with a trailing newline', () => {
    const json = toJson(sampleLedger());
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "schema": "taizhang/1",\n');
    expect(Object.keys(JSON.parse(json))).toEqual(['schema', 'source', 'meta', 'sections', 'tasks', 'warnings']);
    expect(JSON.parse(json)).toEqual(sampleLedger());
  });

  it('adds dropped lines last when there are any', () => {
    const ledger: Ledger = {
      dropped: [{ text: '返回顶部', reason: 'chrome', line: 99 }],
      ...sampleLedger(),
    };
    const document = JSON.parse(toJson(ledger));
    expect(Object.keys(document).at(-1)).toBe('dropped');
    expect(document.dropped).toEqual(ledger.dropped);
  });

  it('round-trips every gold ledger', () => {
    for (const ledger of goldLedgers()) expect(JSON.parse(toJson(ledger))).toEqual(ledger);
  });
});

describe('yaml', () => {
  it('reads back identically in YAML 1.1, even strings that look like booleans, numbers or dates', () => {
    const ledger = lookalikeLedger();
    expect(parseYaml(toYaml(ledger), { version: '1.1' })).toEqual(JSON.parse(toJson(ledger)));
  });

  it('reads back identically in YAML 1.2 too', () => {
    const ledger = lookalikeLedger();
    expect(parseYaml(toYaml(ledger), { version: '1.2' })).toEqual(JSON.parse(toJson(ledger)));
  });

  it('quotes dates and yes/no', () => {
    const yaml = toYaml(sampleLedger());
    expect(yaml).toContain('date: "2019-10-26"');
    expect(toYaml(lookalikeLedger())).toContain('- "yes"\n');
  });

  it('round-trips every gold ledger in YAML 1.1', () => {
    for (const ledger of goldLedgers()) expect(parseYaml(toYaml(ledger), { version: '1.1' })).toEqual(ledger);
  });

  it('writes shared arrays out in full, without anchors and aliases', () => {
    const yaml = toYaml(sampleLedger());
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(yaml.match(/- （一）政策解读/g)).toHaveLength(2);
  });
});

describe('csv', () => {
  const ZH_HEADER = '序号,编号,一级标题,二级标题,三级标题,任务标题,工作任务,牵头单位,责任单位,配合单位,完成时限,时限日期,进展情况,备注';

  it('starts with a UTF-8 BOM so that Excel reads it as UTF-8', () => {
    expect(toCsv(sampleLedger(), {}).startsWith('\ufeff序号,')).toBe(true);
  });

  it('has the Chinese headers by default and English keys with header en', () => {
    expect(csvLines(toCsv(sampleLedger(), {}))[0]).toBe(ZH_HEADER);
    expect(csvLines(toCsv(sampleLedger(), { header: 'en' }))[0]).toBe(
      'seq,id,section1,section2,section3,title,text,lead,responsible,support,deadline,deadlineDate,progress,remarks',
    );
  });

  it('writes one row per task: units by role, deadlines and their dates, empty follow-up columns', () => {
    const lines = csvLines(toCsv(sampleLedger(), {}));
    expect(lines[1]).toBe(
      '1,1.1.1,深入解读重要政策措施,（一）政策解读,,推进政务服务公开,推进政务服务公开。抓好“线上线下”平台建设。,' +
        '市政府办公室,市财政局,各镇（街）、市直各单位,年底前；公开后3个工作日内,2019-12-31,,',
    );
  });

  it('quotes cells with line breaks and joins path levels below the third into the third column', () => {
    const csv = toCsv(sampleLedger(), {});
    expect(csv).toContain('"第一段|竖线\n第二段<b>加粗</b>"');
    expect(csv).toContain('3,2.1.1.1,二,三,四 / 五,,四级以下的任务。,');
    expect(csv).toContain('\n4,end,,,,,各县（区）、各部门要认真落实。,,,,,,,\n');
  });

  it('writes only the header row for a ledger without tasks', () => {
    expect(toCsv({ ...sampleLedger(), tasks: [] }, {})).toBe(`\ufeff${ZH_HEADER}\n`);
  });
});

describe('md', () => {
  const markdown = toMarkdown(sampleLedger(), {});

  it('starts with the title and the meta', () => {
    expect(markdown.startsWith('# 台山市2019年政务公开工作要点\n\n')).toBe(true);
    expect(markdown).toContain('- 通知：关于印发台山市2019年政务公开工作要点的通知\n');
    expect(markdown).toContain('- 发文机关：台山市人民政府办公室\n');
    expect(markdown).toContain('- 发文字号：台府办函〔2019〕362号\n');
    expect(markdown).toContain('- 成文日期：2019-10-26\n');
  });

  it('has a table of the task columns, without the empty follow-up ones', () => {
    expect(markdown).toContain(
      '| 序号 | 编号 | 一级标题 | 二级标题 | 三级标题 | 任务标题 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限 | 时限日期 |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
    );
    expect(markdown).not.toContain('进展情况');
    expect(markdown.split('\n').filter((line) => /^\| \d/.test(line))).toHaveLength(4);
  });

  it('escapes pipes and markup, and keeps line breaks as <br>', () => {
    expect(markdown).toContain('| 第一段\\|竖线<br>第二段\\<b\\>加粗\\</b\\> |');
  });

  it('uses English headers and labels with header en', () => {
    const english = toMarkdown(sampleLedger(), { header: 'en' });
    expect(english).toContain('| seq | id | section1 |');
    expect(english).toContain('- Issuer：台山市人民政府办公室');
    expect(english).toContain('## Warnings\n\n- line 40 \\[numbering-gap\\] 十一 is followed by 十三');
  });

  it('lists the warnings at the end', () => {
    expect(markdown.trimEnd().endsWith('## 警告\n\n- 第40行 \\[numbering-gap\\] 十一 is followed by 十三')).toBe(true);
  });
});

describe('terminal', () => {
  const outline = toTerminal(sampleLedger(), {});
  const lines = outline.split('\n');

  it('is plain text unless given a colour level', () => {
    expect(outline).not.toMatch(ANSI);
    expect(toTerminal(sampleLedger(), { colorLevel: 1 })).toMatch(ANSI);
  });

  it('starts with the title and the meta', () => {
    expect(lines.slice(0, 3)).toEqual([
      '台山市2019年政务公开工作要点',
      '台山市人民政府办公室 · 台府办函〔2019〕362号 · 2019-10-26',
      '001.txt · 4 项任务',
    ]);
  });

  it('shows sections as nested headings with their tasks under them', () => {
    const heading = lines.indexOf('深入解读重要政策措施');
    expect(lines.slice(heading, heading + 3)).toEqual([
      '深入解读重要政策措施',
      '  （一）政策解读',
      '    1.1.1  推进政务服务公开',
    ]);
    const deep = lines.indexOf('二');
    expect(lines.slice(deep, deep + 5)).toEqual(['二', '  三', '    四', '      五', '        2.1.1.1  四级以下的任务']);
  });

  it('groups units by role and shows deadlines with their dates', () => {
    expect(lines).toContain('           牵头 市政府办公室  负责 市财政局  配合 各镇（街）、市直各单位');
    expect(lines).toContain('           时限 年底前（2019-12-31）；公开后3个工作日内');
  });

  it('shows a task without a title by its first sentence', () => {
    expect(lines).toContain('    1.1.1-2  第一段|竖线');
    expect(lines).toContain('end  各县（区）、各部门要认真落实');
  });

  it('shortens long summaries to the width, counting Chinese characters as two columns', () => {
    const ledger = { ...sampleLedger(), tasks: [task({ id: '1', seq: 1, text: '长'.repeat(100) })] };
    const taskLine = toTerminal(ledger, { width: 40 }).split('\n').find((line) => line.startsWith('1  '));
    expect(taskLine).toBe(`1  ${'长'.repeat(18)}…`);
  });

  it('lists the warnings at the end', () => {
    expect(outline.trimEnd().split('\n').slice(-2)).toEqual(['警告 1', '  第40行 [numbering-gap] 十一 is followed by 十三']);
  });

  it('falls back to the file name when the ledger has no title', () => {
    const ledger = sampleLedger();
    ledger.meta = { ...ledger.meta, title: null, noticeTitle: null, issuer: null, docNumber: null, date: null };
    expect(toTerminal(ledger, {}).split('\n').slice(0, 2)).toEqual(['001.txt', '001.txt · 4 项任务']);
  });
});
