// Mutations of real notices for the property-based fuzz suite (test/hostile/mutations.test.ts): the damage that
// copying, crawling and converting does to a notice before a user feeds it to taizhang.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Decoded } from '../../src/model.js';
// @ts-expect-error: a plain .mjs script without types
import { seededRandom } from '../../bench/make-corpus.mjs';

const NOTICES = fileURLToPath(new URL('../../fixtures/notices/', import.meta.url));

/** The text fixtures, split into raw lines (not cleaned: cleaning is under test). */
export const FIXTURES: readonly { name: string; lines: readonly string[] }[] = readdirSync(NOTICES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, lines: readFileSync(join(NOTICES, name), 'utf8').split(/\r\n|\r|\n/) }));

// ---- script conversion (OpenCC, the library the pipeline itself uses) ----

type Convert = (text: string) => string;
const requireCjs = createRequire(import.meta.url);
let toTraditionalConverter: Convert | undefined;
let toSimplifiedConverter: Convert | undefined;

/** Simplified → traditional, as a Taiwanese gateway site would show a mainland page. */
export function toTraditional(text: string): string {
  const OpenCC = requireCjs('opencc-js/cn2t') as typeof import('opencc-js/cn2t');
  return (toTraditionalConverter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);
}

/** Traditional → simplified, with the table the pipeline uses (plain `t`, see src/clean/script.ts). */
export function toSimplified(text: string): string {
  const OpenCC = requireCjs('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
  return (toSimplifiedConverter ??= OpenCC.Converter({ from: 't', to: 'cn' }))(text);
}

// ---- the mutations ----

/** Site chrome a crawler keeps around a notice; the clean stage must drop every one of these. */
export const CHROME_LINES: readonly string[] = [
  '您当前所在位置：首页 > 政务公开 > 政策文件',
  '当前位置：首页>信息公开>通知公告',
  '【字体：大 中 小】',
  '【打印本页】【关闭窗口】',
  '扫码浏览',
  '微信扫一扫',
  '版权所有：某某市人民政府办公室',
  'Copyright © 2019 某某市人民政府 版权所有',
  '访问量：123',
  '浏览次数：4567',
  '返回顶部',
  '网站标识码：4409810001',
  '粤ICP备05083457号',
  '索引号：11440781007031234Y/2019-00123',
  '发布时间：2019-10-30 16:20',
];

/** Punctuation whose half-width form pasted text carries; cleaning must read both the same. */
const FULL_TO_HALF: Record<string, string> = { '，': ',', '（': '(', '）': ')', '：': ':', '；': ';' };
const HALF_TO_FULL: Record<string, string> = Object.fromEntries(Object.entries(FULL_TO_HALF).map(([full, half]) => [half, full]));

/** A small seeded generator, so that a mutation is a pure function of the values fast-check drew. */
const random = seededRandom as (seed: number) => () => number;

/** An index into a list of `length` items from a fraction in [0, 1). */
const at = (fraction: number, length: number): number => Math.min(length - 1, Math.floor(fraction * length));

export type Mutation =
  | { kind: 'cut'; at: number; keep: 'head' | 'tail' }
  | { kind: 'duplicate'; at: number; count: number; times: number }
  | { kind: 'shuffle'; at: number; count: number; seed: number }
  | { kind: 'punctuation'; toHalf: boolean; share: number; seed: number }
  | { kind: 'chrome'; at: number; line: string }
  | { kind: 'traditional'; at: number; count: number }
  | { kind: 'splice'; line: number; at: number; junk: string };

/** Applies one mutation to the lines of a notice. Positions are fractions, so any value fits any text. */
export function mutate(lines: readonly string[], mutation: Mutation): string[] {
  if (lines.length === 0) return [];
  switch (mutation.kind) {
    case 'cut': {
      // Cut the text, not the list: a download that stops mid-line, or a paste that starts mid-sentence.
      const text = lines.join('\n');
      const point = Math.floor(mutation.at * text.length);
      return (mutation.keep === 'head' ? text.slice(0, point) : text.slice(point)).split('\n');
    }
    case 'duplicate': {
      const start = at(mutation.at, lines.length);
      const copied = lines.slice(start, start + mutation.count);
      const copies = Array.from({ length: mutation.times }, () => copied).flat();
      return [...lines.slice(0, start + copied.length), ...copies, ...lines.slice(start + copied.length)];
    }
    case 'shuffle': {
      const start = at(mutation.at, lines.length);
      const window = lines.slice(start, start + mutation.count);
      const next = random(mutation.seed);
      // Fisher–Yates with the seeded generator.
      for (let i = window.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [window[i], window[j]] = [window[j]!, window[i]!];
      }
      return [...lines.slice(0, start), ...window, ...lines.slice(start + window.length)];
    }
    case 'punctuation': {
      const table = mutation.toHalf ? FULL_TO_HALF : HALF_TO_FULL;
      const marks = new RegExp(`[${Object.keys(table).join('')}]`, 'g');
      const next = random(mutation.seed);
      return lines.map((line) => line.replace(marks, (mark) => (next() < mutation.share ? table[mark]! : mark)));
    }
    case 'chrome': {
      const where = Math.floor(mutation.at * (lines.length + 1));
      return [...lines.slice(0, where), mutation.line, ...lines.slice(where)];
    }
    case 'traditional': {
      // Part of the text only, so that some inputs mix the scripts.
      const start = at(mutation.at, lines.length);
      const end = start + mutation.count;
      return lines.map((line, i) => (i >= start && i < end ? toTraditional(line) : line));
    }
    case 'splice': {
      const index = at(mutation.line, lines.length);
      const line = lines[index]!;
      const point = Math.floor(mutation.at * (line.length + 1));
      return lines.map((text, i) => (i === index ? line.slice(0, point) + mutation.junk + line.slice(point) : text));
    }
  }
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const seed = fc.nat();

export const punctuationArbitrary = fc.record({
  kind: fc.constant('punctuation' as const),
  toHalf: fc.boolean(),
  share: fc.constantFrom(0.3, 1),
  seed,
});

export const chromeArbitrary = fc.record({ kind: fc.constant('chrome' as const), at: fraction, line: fc.constantFrom(...CHROME_LINES) });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fraction, keep: fc.constantFrom('head' as const, 'tail' as const) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fraction, count: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fraction, count: fc.integer({ min: 2, max: 12 }), seed }),
  punctuationArbitrary,
  chromeArbitrary,
  fc.record({ kind: fc.constant('traditional' as const), at: fraction, count: fc.integer({ min: 1, max: 60 }) }),
);

/** Pieces that mean something to the stages (markers, brackets, clause labels, cell bars), and noise. */
const JUNK_PIECES = ['（', '）', '(', '【', '〔', '一、', '（一）', '一是', '1.', '（1）', '①', '|', '\u2029', '\ue010', '\ufffd', '责任单位：', '牵头', '配合', '年底前', '3个工作日内', '附件：', '2019年8月5日', '各单位要', '关于印发', '的通知', '。', '；'];

/** Text spliced into a line: what a bad paste or a broken converter leaves. Not in mutationArbitrary. */
export const spliceArbitrary = fc.record({
  kind: fc.constant('splice' as const),
  line: fraction,
  at: fraction,
  junk: fc
    .array(fc.oneof(fc.constantFrom(...JUNK_PIECES), fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 1, maxLength: 6 })
    .map((pieces) => pieces.join('')),
});

/** A window of a fixture: whole notices are ~20 KB, and a window keeps each case fast. */
export interface Window {
  fixture: number;
  at: number;
  size: number;
}

export const windowArbitrary: fc.Arbitrary<Window> = fc.record({
  fixture: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
  at: fraction,
  size: fc.integer({ min: 10, max: 60 }),
});

export function windowLines({ fixture, at: start, size }: Window): string[] {
  const { lines } = FIXTURES[fixture]!;
  const first = Math.floor(start * Math.max(1, lines.length - size));
  return lines.slice(first, first + size);
}

/** A mutated notice: a window of a fixture, damaged by a few mutations in turn. */
export interface MutatedNotice {
  window: Window;
  mutations: Mutation[];
  lineBreak: '\n' | '\r\n';
}

export function mutatedArbitrary(maxMutations = 4): fc.Arbitrary<MutatedNotice> {
  return fc.record({
    window: windowArbitrary,
    mutations: fc.array(mutationArbitrary, { maxLength: maxMutations }),
    lineBreak: fc.constantFrom('\n' as const, '\r\n' as const),
  });
}

/** The lines of a mutated notice, with `more` mutations applied last. */
export function noticeLines({ window, mutations }: MutatedNotice, more: readonly Mutation[] = []): string[] {
  return [...mutations, ...more].reduce<string[]>((lines, mutation) => mutate(lines, mutation), windowLines(window));
}

export function noticeText(notice: MutatedNotice, more: readonly Mutation[] = []): string {
  return noticeLines(notice, more).join(notice.lineBreak);
}

/** Folds full-width punctuation to half-width, for comparing texts that may differ only in width. */
export function halfWidth(text: string): string {
  return text.replace(/[，（）：；]/g, (mark) => FULL_TO_HALF[mark]!);
}

/** What the read stage hands on for a text file. */
export function decodedOf(text: string, name = 'fuzz.txt'): Decoded {
  return { name, format: 'text', encoding: 'utf-8', text, warnings: [] };
}
