import type { CleanDoc, Outline } from '../model.js';

// placeholder until the outline stage lands
export function outline(doc: CleanDoc): Outline {
  return { source: doc.source, preamble: doc.lines, roots: [], closing: [], dropped: doc.dropped, metaHints: doc.metaHints, warnings: doc.warnings };
}
