import type { CleanDoc, Decoded, DroppedLine, Meta, SourceLine, Warning } from '../model.js';
import { chromeReason, metadataOf } from './chrome.js';
import { findMojibake } from './mojibake.js';
import { removePinyin } from './pinyin.js';
import { normalisePunctuation, normaliseSpace } from './punctuation.js';
import { convertToSimplified, scriptOf } from './script.js';

/** One line of the input as the later stages should read it: simplified, tidy punctuation. */
export function cleanLine(raw: string): string {
  return normaliseSpace(normalisePunctuation(removePinyin(raw)));
}

/** Lines of a text with the offset each starts at. */
function splitLines(text: string): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) continue;
    lines.push({ text: text.slice(start, i), offset: start });
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  lines.push({ text: text.slice(start), offset: start });
  return lines;
}

/** Decoded input → the notice's lines: converted to simplified, normalised, chrome dropped. */
export function clean(decoded: Decoded): CleanDoc {
  const simplified = convertToSimplified(decoded.text);
  const original = splitLines(decoded.text);
  const converted = splitLines(simplified);
  // OpenCC maps character for character here; should a phrase ever change length, convert per line.
  const rawLines = converted.length === original.length ? converted : original.map((l) => ({ ...l, text: convertToSimplified(l.text) }));

  const lines: SourceLine[] = [];
  const dropped: DroppedLine[] = [];
  const warnings: Warning[] = [...decoded.warnings];
  const metaHints: Partial<Meta> = { ...decoded.metaHints };

  rawLines.forEach((raw, index) => {
    const position = { line: index + 1, offset: original[index]!.offset };
    const garbled = findMojibake(raw.text);
    if (garbled) warnings.push({ code: 'mojibake', message: `garbled text “${garbled}”`, line: position.line });
    const text = cleanLine(raw.text);
    if (!text) return;
    const reason = chromeReason(text);
    if (reason === null) {
      lines.push({ text, ...position });
      return;
    }
    dropped.push({ text, reason, ...position });
    if (reason === 'disclosure metadata') {
      for (const [field, value] of Object.entries(metadataOf(text))) {
        metaHints[field as 'docNumber' | 'issuer' | 'date'] ??= value;
      }
    }
  });

  return {
    source: { name: decoded.name, format: decoded.format, encoding: decoded.encoding, script: scriptOf(decoded.text, simplified) },
    lines,
    dropped,
    metaHints,
    warnings,
  };
}
