// countHan counts by a loop over code units (a match() array made long pages slow): it must count
// exactly what the pattern \p{Script=Han} matches, surrogate pairs and lone surrogates included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHan } from '../../src/read/html/text.js';

const byPattern = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

/** Code points around the Han blocks and their edges: radicals, 々〇, Extension A, compatibility, the astral planes. */
const AROUND_HAN = [0x41, 0x2e7f, 0x2e80, 0x2e9a, 0x2f00, 0x3005, 0x3006, 0x3007, 0x3021, 0x3400, 0x4dbf, 0x4dc0, 0x4e00, 0x9fff, 0xa000, 0xd800, 0xdc00, 0xf900, 0xfa6e, 0xff0c, 0x20000, 0x2a6df, 0x1f600];

describe('countHan', () => {
  it('counts what \\p{Script=Han} matches', () => {
    const codePoint = fc.oneof(fc.constantFrom(...AROUND_HAN), fc.integer({ min: 0, max: 0x10ffff }), fc.integer({ min: 0x2e00, max: 0xa000 }));
    // Code units, not only whole code points: lone surrogates must not count.
    const piece = fc.oneof(codePoint.map((point) => String.fromCodePoint(point)), fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)));
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      expect(countHan(text)).toBe(byPattern(text));
    }), { numRuns: 2000 });
  });

  it('counts a notice line', () => {
    expect(countHan('一、深化政务公开（2020年）𠀀々')).toBe(10);
  });
});
