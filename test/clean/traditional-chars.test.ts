import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { TRADITIONAL_CHARS } from '../../src/clean/traditional-chars.js';
import { conversionSteps, convertToSimplified, entriesOf } from '../../src/clean/script.js';
import { COMPATIBILITY_IDEOGRAPH, flagsOf, TRADITIONAL } from '../../src/clean/scan.js';

const hasTraditional = (text: string) => (flagsOf(text) & TRADITIONAL) !== 0;
import * as OpenCCt2cn from 'opencc-js/t2cn';
import { clean } from '../../src/clean/index.js';
import { decoded } from '../support/models.js';

const scriptOf = (text: string) => clean(decoded(text)).file.source.script;
// @ts-expect-error: a plain .mjs script without types
import { traditionalChars } from '../../scripts/make-traditional-chars.mjs';

describe('the table of characters OpenCC converts', () => {
  it('is current with the installed opencc-js (run scripts/make-traditional-chars.mjs after an upgrade)', () => {
    expect(TRADITIONAL_CHARS).toBe(traditionalChars());
  });

  it('converts exactly as OpenCC’s own t→cn converter', () => {
    const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
    const texts = readdirSync('fixtures/notices').map((f) => readFileSync(`fixtures/notices/${f}`, 'utf8'));
    texts.push('乾隆年間，他反覆思量，終於瞭解了著作權的重要；沈浸於書中，藉此機會復甦。𠵾');
    for (const text of [...texts, ...texts.map((t) => OpenCC.Converter({ from: 'cn', to: 'tw' })(t))]) {
      expect(convertToSimplified(text)).toBe(opencc(text));
    }
  });

  it('converts as OpenCC does at the edges: compatibility ideographs, description sequences, stray code units', () => {
    const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
    const edges = [
      '\uf900國家', // U+F900, a compatibility form of 豈: normalised first, then simplified (岂)
      '⿰魚國 國', // an ideographic description sequence stays whole; the 國 after it does not
      '⿲⿰乾隆國', // nested
      '⿰國', // a sequence cut short is no sequence
      '\ufeff國', // a byte-order mark inside the text stays
      '國\ud800家', // a lone high surrogate stays
      '國\ud800', // …also at the end
      '\udc00國', // a lone low surrogate stays
    ];
    for (const text of edges) expect(convertToSimplified(text), JSON.stringify(text)).toBe(opencc(text));
    expect(convertToSimplified('\uf900國家')).toBe('岂国家');
  });

  it('converts as OpenCC does where an entry changes the length, and on lines longer than its buffer', () => {
    const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
    // Compatibility ideographs whose unified form lies beyond the Basic Multilingual Plane: one
    // code unit becomes two, and the rest of the line moves along.
    const { normalisation } = conversionSteps(OpenCCt2cn);
    const lengthening = normalisation.flatMap((group) => [...entriesOf(group)].filter(([from, to]) => to.length !== from.length).map(([from]) => from));
    expect(lengthening.length).toBeGreaterThan(0);
    const long = '各區人民政府要於年底前完成政務公開專欄建設。'.repeat(300);
    const texts = [`國${lengthening.slice(0, 5).join('國家')}後`, long, `${long}${lengthening[0]}${long}`, '縣政府辦'];
    for (const text of texts) expect(convertToSimplified(text)).toBe(opencc(text));
  });

  it('normalises only compatibility ideographs, so a line without one skips that step', () => {
    const { normalisation } = conversionSteps(OpenCCt2cn);
    const froms = normalisation.flatMap((group) => [...entriesOf(group).keys()]);
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) expect(flagsOf(from[0]!) & COMPATIBILITY_IDEOGRAPH, from).not.toBe(0);
    // In a notice's line as the clean stage converts it: normalised, then simplified.
    expect(clean(decoded('各區\uf900國家')).lines[0]!.text).toBe('各区岂国家');
    expect(clean(decoded('各區\u{2f800}國家')).lines[0]!.text).toBe(OpenCC.Converter({ from: 't', to: 'cn' })('各區\u{2f800}國家'));
  });

  it('converts random mixtures of dictionary entries, odd characters and plain text as OpenCC does', () => {
    const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
    // Characters OpenCC changes, phrases it knows (and pieces of them), and characters it leaves.
    const phrases = (OpenCC.Locale.to.cn[0]![0] as string).split('|').map((entry) => entry.split(' ')[0]!);
    const pieces = [...[...TRADITIONAL_CHARS].slice(0, 600), ...phrases.slice(0, 300), ...phrases.slice(0, 100).map((p) => p.slice(0, 1))];
    pieces.push('乾隆', '著作', '瞭解', '\uf900', '\uf90a', '⿰', '⿲', '⿳', '𠵾', '\ud800', '\ufeff', '政务', 'a', '，', '（');
    let seed = 2019;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let sample = 0; sample < 2000; sample++) {
      let text = '';
      for (let k = 1 + random(12); k > 0; k--) text += pieces[random(pieces.length)];
      expect(convertToSimplified(text), JSON.stringify(text)).toBe(opencc(text));
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
    expect(scriptOf(text)).toBe('traditional');
  });

  it('calls a simplified text with one stray traditional character mixed', () => {
    const text = '市财政局牵头，会同市发改委、市审计局等部门推进预决算公开，做好解读回应工作，接受社会監督。';
    expect(scriptOf(text)).toBe('mixed');
  });
});
