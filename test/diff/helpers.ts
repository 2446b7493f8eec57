// Helpers of the diff tests: ledgers of the fixtures, and notices written from a ledger's tasks
// in another order, under other numbers and sections.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Ledger, Role, Task } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import type { Run } from '../support/cli.js';
import { realPage } from '../support/pages.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const NOTICES = ['yancheng-2016', 'luan-2017', 'hainan-2018', 'taishan-2019', 'nanchang-2021'] as const;

export function noticePath(name: string): string {
  return `${ROOT}fixtures/notices/${name}.txt`;
}

/** A page of fixtures/html: a real page (realworld/) or a seed notice published as one (seeds/). */
export function diffFixture(name: string): string {
  return name.endsWith('.trs.html') ? `${ROOT}fixtures/html/seeds/${name}` : join(ROOT, realPage(name));
}

export async function ledgerOfFile(path: string): Promise<Ledger> {
  return parseBytes(await readFile(path), { name: basename(path) });
}

export function ledgerOfText(text: string, name = 'notice.txt'): Promise<Ledger> {
  return parseBytes(new TextEncoder().encode(text), { name });
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 21 → 二十一. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units === 0 ? '' : DIGITS[units]}`;
}

const ROLE_LABELS: Record<Role, string> = { lead: '牵头单位', responsible: '责任单位', support: '配合单位' };

function unitClause(task: Task): string {
  const parts = (['lead', 'responsible', 'support'] as const).flatMap((role) => {
    const names = task.units.filter((unit) => unit.role === role).map((unit) => unit.name);
    return names.length === 0 ? [] : [`${ROLE_LABELS[role]}：${names.join('、')}`];
  });
  return parts.length === 0 ? '' : `（${parts.join('；')}）`;
}

export interface NoticeSection {
  title: string;
  tasks: Task[];
}

/** The ledger's tasks under their top-level sections, in document order. */
export function sectionsOf(ledger: Ledger): NoticeSection[] {
  const sections = new Map<string, Task[]>();
  for (const task of ledger.tasks) {
    const title = task.path[0] ?? '其他工作';
    sections.set(title, [...(sections.get(title) ?? []), task]);
  }
  return [...sections].map(([title, tasks]) => ({ title, tasks }));
}

/** A plain notice: 一、section, （一）task text（牵头单位：…；责任单位：…）, numbered afresh. */
export function noticeText(title: string, sections: readonly NoticeSection[]): string {
  const lines = [title, ''];
  sections.forEach((section, s) => {
    lines.push(`${chineseNumber(s + 1)}、${section.title}`);
    section.tasks.forEach((task, t) => {
      lines.push(`（${chineseNumber(t + 1)}）${task.text.replace(/\s*\n\s*/g, '')}${unitClause(task)}`);
    });
  });
  return `${lines.join('\n')}\n`;
}

/** A deterministic shuffle (a small linear congruential generator), so failures reproduce. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/**
 * The same tasks, each moved to another section: the tasks of section i go, shuffled, under the
 * title of section i + 1, and the sections come in shuffled order.
 */
export function movedSections(sections: readonly NoticeSection[], seed: number): NoticeSection[] {
  const rotated = sections.map((section, index) => ({
    title: sections[(index + 1) % sections.length]!.title,
    tasks: shuffled(section.tasks, seed + index),
  }));
  return shuffled(rotated, seed);
}

export { taizhang, type Run } from '../support/cli.js';

/** A failed run: exit 2, nothing on stdout, one line on stderr naming what went wrong. */
export function expectOneLineError(run: Run, ...fragments: string[]): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.startsWith('taizhang: ')).toBe(true);
  for (const fragment of fragments) expect(run.stderr).toContain(fragment);
}

