import { SIGNALS } from '../signals.js';
import type { DiffReport, TaskPair } from '../types.js';
import { rounded } from './describe.js';

function pairDocument(pair: TaskPair): Record<string, unknown> {
  const { signals } = pair;
  return {
    old: pair.old?.id ?? null,
    new: pair.new?.id ?? null,
    similarity: rounded(pair.similarity),
    kinds: pair.kinds,
    ...(signals === undefined
      ? {}
      : { signals: Object.fromEntries(SIGNALS.flatMap((signal) => { const value = signals[signal]; return value === undefined ? [] : [[signal, rounded(value)]]; })) }),
    ...(pair.nearest === undefined ? {} : { nearest: { id: pair.nearest.task.id, similarity: rounded(pair.nearest.similarity) } }),
    ...(pair.move === undefined ? {} : { move: pair.move }),
    ...(pair.units === undefined ? {} : { units: pair.units }),
    ...(pair.deadlines === undefined ? {} : { deadlines: pair.deadlines }),
  };
}

/**
 * `{ "pairs": [ { "old", "new", "similarity", "signals", "kinds" } ] }`, with the details of moves, units
 * and deadlines on the pairs that have them, and the counts beside the pairs.
 */
export function diffToJson(report: DiffReport): string {
  const document = {
    old: report.old,
    new: report.new,
    threshold: report.threshold,
    counts: report.counts,
    sections: report.sections,
    pairs: report.pairs.map(pairDocument),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
