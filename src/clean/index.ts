import type { CleanDoc, Decoded } from '../model.js';

// placeholder until the clean stage lands
export function clean(decoded: Decoded): CleanDoc {
  const lines = decoded.text.split('\n').map((text, i) => ({ text, line: i + 1, offset: 0 }));
  return { source: { name: decoded.name, format: decoded.format, encoding: decoded.encoding, script: 'simplified' }, lines, dropped: [], metaHints: decoded.metaHints ?? {}, warnings: decoded.warnings };
}
