// Apart from the aligner, so that the command line can show the default without loading it.

/**
 * Below this similarity (signals.ts: the text signals' mean, scaled by the context signals) two
 * tasks are not one task carried on but two different ones. Fitted with the signals' weights on
 * the hand alignments in fixtures/diff/ (docs/diff.md): continuations there score 0.09–0.6,
 * while the best match of a task with no successor mostly stays under 0.09.
 */
export const DEFAULT_THRESHOLD = 0.09;
