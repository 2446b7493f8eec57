import { describe, expect, it } from 'vitest';
import { alignTasks } from '../../src/diff/align.js';
import { maxWeightAssignment } from '../../src/diff/assignment.js';
import { textEdits } from '../../src/diff/edits.js';
import { longestIncreasingSubsequence } from '../../src/diff/order.js';
import { sameSection } from '../../src/diff/sections.js';
import { DEFAULT_THRESHOLD } from '../../src/diff/threshold.js';
import { compactText, textSimilarity } from '../../src/diff/text.js';
import type { Task } from '../../src/model.js';

function task(id: string, text: string, path: string[] = ['一']): Task {
  return { id, seq: 0, path, title: null, text, units: [], deadlines: [], line: null };
}

function totalWeight(weights: number[][], columnOfRow: number[]): number {
  return columnOfRow.reduce((sum, column, row) => sum + (column === -1 ? 0 : weights[row]![column]!), 0);
}

/** The best total over every assignment, by trying them all: the reference for small matrices. */
function bruteForceBest(weights: number[][]): number {
  const columns = weights[0]!.length;
  const best = (row: number, used: Set<number>): number => {
    if (row === weights.length) return 0;
    let result = best(row + 1, used); // the row left over
    for (let column = 0; column < columns; column++) {
      if (used.has(column)) continue;
      used.add(column);
      result = Math.max(result, weights[row]![column]! + best(row + 1, used));
      used.delete(column);
    }
    return result;
  };
  return best(0, new Set());
}

describe('maxWeightAssignment', () => {
  it('beats greedy first match: the best single pair is not part of the best assignment', () => {
    // Greedy takes 0.95 (row 0 → column 1) and is left with 0.1; the optimum is 0.9 + 0.9.
    const weights = [
      [0.9, 0.95],
      [0.1, 0.9],
    ];
    const assignment = maxWeightAssignment(weights);
    expect(assignment).toEqual([0, 1]);
    expect(totalWeight(weights, assignment)).toBeCloseTo(1.8);
  });

  it('leaves rows over when there are more rows than columns, and columns when fewer', () => {
    expect(maxWeightAssignment([[0.2], [0.9], [0.5]])).toEqual([-1, 0, -1]);
    expect(maxWeightAssignment([[0.2, 0.9, 0.5]])).toEqual([1]);
    expect(maxWeightAssignment([])).toEqual([]);
  });

  it('finds the optimum of random matrices, square and rectangular', () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 60; trial++) {
      const rows = 1 + (trial % 6);
      const columns = 1 + ((trial * 5) % 6);
      const weights = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.round(random() * 100) / 100));
      const assignment = maxWeightAssignment(weights);
      const assigned = assignment.filter((column) => column !== -1);
      expect(new Set(assigned).size).toBe(assigned.length);
      expect(assigned).toHaveLength(Math.min(rows, columns));
      expect(totalWeight(weights, assignment)).toBeCloseTo(bruteForceBest(weights), 9);
    }
  });

  it('solves 200 × 200 quickly', () => {
    const weights = Array.from({ length: 200 }, (_, i) => Array.from({ length: 200 }, (_, j) => ((i * 31 + j * 17) % 97) / 97));
    const started = performance.now();
    const assignment = maxWeightAssignment(weights);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new Set(assignment).size).toBe(200);
  });
});

describe('longestIncreasingSubsequence', () => {
  it('keeps the longest run in order and leaves out what moved', () => {
    // 4 jumped to the front: everything else kept its order.
    expect([...longestIncreasingSubsequence([4, 0, 1, 2, 3])].sort()).toEqual([1, 2, 3, 4]);
    expect(longestIncreasingSubsequence([0, 1, 2]).size).toBe(3);
    expect(longestIncreasingSubsequence([2, 1, 0]).size).toBe(1);
    expect(longestIncreasingSubsequence([]).size).toBe(0);
  });
});

describe('similarity', () => {
  it('is Dice over character bigrams, blind to punctuation and spacing', () => {
    expect(compactText('推进“放管服”改革，\n 加强 监管。')).toBe('推进放管服改革加强监管');
    expect(textSimilarity('做好财政信息公开', '加强财政信息公开')).toBeCloseTo(10 / 14);
    expect(textSimilarity('加强监管。', '加强，监管')).toBe(1);
    expect(textSimilarity('加强监管', '优化服务')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });

  it('compares section paths title by title, allowing rewording but not siblings', () => {
    expect(sameSection(['做好财政信息公开'], ['加强财政信息公开'])).toBe(true);
    expect(sameSection(['推进重大建设项目信息公开'], ['推进公共资源配置信息公开'])).toBe(false);
    expect(sameSection(['一、总', '做好财政信息公开'], ['做好财政信息公开'])).toBe(false);
    expect(sameSection([], [])).toBe(true);
  });
});

describe('alignTasks', () => {
  const oldTasks = [
    task('1', '加强政府网站集约化建设，统一技术平台'),
    task('2', '做好政府公报电子化工作'),
    task('3', '开展河长制工作信息公开'),
  ];
  const newTasks = [
    task('1', '做好政府公报电子版建设工作'),
    task('2', '推进政府网站集约化建设，统一技术平台和标准'),
    // No word in common with the old tasks: in a notice of three tasks, one shared word (公开) is
    // rare by count and would weigh like a key term.
    task('3', '落实减税降费政策措施'),
  ];

  it('pairs reworded tasks and leaves the rest unpaired under the threshold', () => {
    const { matches } = alignTasks(oldTasks, newTasks, DEFAULT_THRESHOLD);
    expect(matches.map((match) => [oldTasks[match.old]!.id, newTasks[match.new]!.id])).toEqual([
      ['1', '2'],
      ['2', '1'],
    ]);
    for (const match of matches) expect(match.similarity).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('pairs nothing whose similarity is under the threshold, and names it as the nearest', () => {
    const [match] = alignTasks([oldTasks[1]!], [newTasks[0]!], 0).matches;
    expect(match!.similarity).toBeGreaterThan(0);
    expect(alignTasks([oldTasks[1]!], [newTasks[0]!], match!.similarity).matches).toHaveLength(1);
    const above = alignTasks([oldTasks[1]!], [newTasks[0]!], match!.similarity + 0.01);
    expect(above.matches).toHaveLength(0);
    expect(above.nearestNew[0]).toMatchObject({ new: 0, similarity: match!.similarity });
  });

  it('prefers the best whole over the best first pair (greedy would lose a pair)', () => {
    const before = [task('A', '公开财政预算决算'), task('B', '决算信息公开工作')];
    // New order puts each task at the other's place, so position cannot be what decides.
    const after = [task('B', '公开财政预算决算信息'), task('A', '公开财政预算')];
    // Greedy would take A → new B first (0.875 > 0.833), leaving old B with nothing above 0.3.
    expect(textSimilarity(before[0]!.text, after[0]!.text)).toBeGreaterThan(textSimilarity(before[0]!.text, after[1]!.text));
    expect(textSimilarity(before[1]!.text, after[1]!.text)).toBeLessThan(0.3);
    const { matches } = alignTasks(before, after, 0.1);
    expect(matches.map((match) => [before[match.old]!.id, after[match.new]!.id])).toEqual([
      ['A', 'A'],
      ['B', 'B'],
    ]);
  });

  it('breaks ties between identical texts by section, then by position', () => {
    const twins = [task('1.1', '加强组织领导', ['推进政务公开']), task('2.1', '加强组织领导', ['优化政务服务'])];
    const swappedSections = [task('1.1', '加强组织领导', ['优化政务服务']), task('2.1', '加强组织领导', ['推进政务公开'])];
    expect(alignTasks(twins, swappedSections, 0.5).matches.map((match) => [match.old, match.new])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const sameSectionTwins = [task('1.1', '加强组织领导'), task('1.2', '加强组织领导')];
    expect(alignTasks(sameSectionTwins, sameSectionTwins, 0.5).matches.map((match) => [match.old, match.new])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('textEdits', () => {
  it('marks deletions and insertions by character', () => {
    expect(textEdits('年底前完成目录编制', '10月底前完成目录编制')).toEqual([
      { op: 'del', text: '年' },
      { op: 'ins', text: '10月' },
      { op: 'same', text: '底前完成目录编制' },
    ]);
  });

  it('does not keep single characters between edits, nor show a paragraph break as an edit', () => {
    const edits = textEdits('加强监管执法信息公开', '推进反垄断执法信息公开');
    expect(edits.filter((edit) => edit.op === 'same').every((edit) => [...edit.text].length >= 2)).toBe(true);
    expect(edits.map((edit) => (edit.op === 'ins' ? '' : edit.text)).join('')).toBe('加强监管执法信息公开');
    expect(edits.map((edit) => (edit.op === 'del' ? '' : edit.text)).join('')).toBe('推进反垄断执法信息公开');
    expect(textEdits('工作任务\n工作要求', '工作任务工作要求').every((edit) => edit.op === 'same')).toBe(true);
  });
});
