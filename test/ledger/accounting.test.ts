import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Decoded } from '../../src/model.js';
import { clean } from '../../src/clean/index.js';
import { ledgerOf } from '../../src/pipeline.js';

// Nothing is lost silently: every line of the cleaned input ends up as preamble, a section
// heading, part of a task, or a reported drop.
const plain = (text: string, name = 'plan.txt'): Decoded => ({ name, format: 'text', encoding: 'utf-8', text, warnings: [] });

describe('every cleaned line is accounted for', () => {
  for (const file of readdirSync('fixtures/notices')) {
    it(file, () => {
      const decoded = plain(readFileSync(`fixtures/notices/${file}`, 'utf8'), file);
      const cleaned = clean(decoded);
      const fates = new Map(ledgerOf(decoded).lines!.map((l) => [l.line, l]));
      for (const line of [...cleaned.lines, ...cleaned.file.dropped]) expect(fates.has(line.line), `line ${line.line}`).toBe(true);
    });
  }

  it('says what became of each line of a small plan', () => {
    const l = ledgerOf(
      plain(
        [
          '您当前所在位置：首页>政务公开',
          '某县2023年政务公开工作要点',
          '一、总体要求',
          '坚持以公开为常态、不公开为例外。',
          '二、重点任务',
          '（一）推进决策公开。（县司法局负责）',
          '（二）推进结果公开，',
          '做好年度报告工作。（县政府办负责）',
          '各乡镇、县直各部门要抓好落实。',
          '某县人民政府办公室',
          '2023年3月1日',
        ].join('\n'),
      ),
    );
    expect(l.lines!.map((f) => [f.line, f.fate, f.id ?? f.reason ?? null])).toEqual([
      [1, 'dropped', 'breadcrumb'],
      [2, 'preamble', null],
      [3, 'preamble', 'aims section'],
      [4, 'preamble', 'aims section'],
      [5, 'heading', '2'],
      [6, 'task', '2.1'],
      [7, 'task', '2.2'],
      [8, 'task', '2.2'],
      [9, 'task', 'end'],
      [10, 'dropped', 'signature'],
      [11, 'dropped', 'signature date'],
    ]);
  });
});
