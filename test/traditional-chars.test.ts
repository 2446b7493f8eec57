import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { PHRASE_STARTS, TRADITIONAL_CHARS } from '../src/clean/traditional-chars.js';
import { convertToSimplified, hasTraditional, scriptOf } from '../src/clean/script.js';
// @ts-expect-error: a plain .mjs script without types
import { phraseStarts, traditionalChars } from '../scripts/make-traditional-chars.mjs';

describe('the table of characters OpenCC converts', () => {
  it('is current with the installed opencc-js (run scripts/make-traditional-chars.mjs after an upgrade)', () => {
    expect(TRADITIONAL_CHARS).toBe(traditionalChars());
    expect(PHRASE_STARTS).toBe(phraseStarts());
  });

  it('converts exactly as OpenCC’s own t→cn converter', () => {
    const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
    const texts = readdirSync('fixtures/notices').map((f) => readFileSync(`fixtures/notices/${f}`, 'utf8'));
    texts.push('乾隆年間，他反覆思量，終於瞭解了著作權的重要；沈浸於書中，藉此機會復甦。𠵾');
    for (const text of [...texts, ...texts.map((t) => OpenCC.Converter({ from: 'cn', to: 'tw' })(t))]) {
      expect(convertToSimplified(text)).toBe(opencc(text));
    }
  });

  it('tells a simplified text, which is then left as it is', () => {
    const text = '各区人民政府要于年底前完成政务公开专栏建设。';
    expect(hasTraditional(text)).toBe(false);
    expect(convertToSimplified(text)).toBe(text);
  });

  it('tells a traditional text and converts it', () => {
    const text = '各區人民政府要於年底前完成政務公開專欄建設。';
    expect(hasTraditional(text)).toBe(true);
    expect(convertToSimplified(text)).toBe('各区人民政府要于年底前完成政务公开专栏建设。');
    expect(scriptOf(text, convertToSimplified(text))).toBe('traditional');
  });

  it('calls a simplified text with one stray traditional character mixed', () => {
    const text = '市财政局牵头，会同市发改委、市审计局等部门推进预决算公开，做好解读回应工作，接受社会監督。';
    expect(scriptOf(text, convertToSimplified(text))).toBe('mixed');
  });
});
