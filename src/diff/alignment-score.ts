// Scores a diff's pairs against an alignment made by reading both notices (fixtures/diff/).

/** Task ids, old then new. */
export type IdPair = readonly [string, string];

/** A hand alignment: the pairs, and the pairs related by a split or a merger beside them. */
export interface HandAlignment {
  pairs: readonly IdPair[];
  /** A second old task merged into a paired new one, or a second new task split from a paired old one. */
  related: readonly IdPair[];
  /** Pairs the reader was unsure of: not needed, not wrong. */
  doubtful: readonly IdPair[];
}

export interface AlignmentScore {
  /** Of the pairs found (splits and mergers included), the share the reader made or allowed. */
  precision: number;
  /** Of the reader's pairs, the share found (paired, or reported as split or merged). */
  recall: number;
  /** Pairs, splits and mergers reported. */
  found: number;
  expected: number;
}

const key = ([oldId, newId]: IdPair): string => `${oldId}\u0000${newId}`;

/**
 * `paired` are the one-to-one pairs of the diff, `parts` the tasks it reports as split or merged.
 * A related or doubtful pair is not wrong when paired, and not needed to be found.
 */
export function scoreAlignment(hand: HandAlignment, paired: readonly IdPair[], parts: readonly IdPair[] = []): AlignmentScore {
  const expected = new Set(hand.pairs.map(key));
  const acceptable = new Set([...expected, ...hand.related.map(key), ...hand.doubtful.map(key)]);
  const reported = [...paired, ...parts].map(key);
  const right = reported.filter((pair) => acceptable.has(pair)).length;
  const recalled = [...expected].filter((pair) => reported.includes(pair)).length;
  return {
    precision: reported.length === 0 ? 1 : right / reported.length,
    recall: expected.size === 0 ? 1 : recalled / expected.size,
    found: reported.length,
    expected: expected.size,
  };
}
