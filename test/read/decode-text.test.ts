import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/read/decode-text.js';
import { InputError } from '../../src/errors.js';

const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');

const SIMPLIFIED_NOTICE = [
  '各县（市、区）人民政府，市各委、办、局，市各直属单位：',
  '现将《2024年全市政务公开工作要点》印发给你们，请结合实际认真贯彻落实。各地各部门要明确责任分工、细化工作措施；' +
    '加强政策解读（含图解、视频等形式），及时回应社会关切，确保各项任务按期完成。',
  '一、深化重点领域信息公开',
  '（一）推进财政预决算公开。市财政局牵头，各县（市、区）政府负责，2024年6月底前完成。',
].join('\n');

const TRADITIONAL_NOTICE = [
  '各縣（市、區）人民政府，市各委、辦、局，市各直屬單位：',
  '現將《2024年全市政務公開工作要點》印發給你們，請結合實際認真貫徹落實。各地各部門要明確責任分工、細化工作措施；' +
    '加強政策解讀（含圖解、視頻等形式），及時回應社會關切，確保各項任務按期完成。',
  '一、深化重點領域信息公開',
  '（一）推進財政預決算公開。市財政局牽頭，各縣（市、區）政府負責，2024年6月底前完成。',
].join('\n');

const SHORT_SIMPLIFIED = '各县（市、区）人民政府，市各委、办、局：\n现将《工作要点》印发给你们，请认真贯彻落实。';
const SHORT_TRADITIONAL = '各縣（市、區）人民政府，市各委、辦、局：\n現將《工作要點》印發給你們，請認真貫徹落實。';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array, encoding?: string) => decodeText(bytes, { name: 'notice.txt', encoding });

/** Deterministic bytes, so a failure reproduces. */
function pseudoRandomBytes(length: number, seed: number, avoidNul = false): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = avoidNul ? 1 + ((state >>> 16) % 255) : (state >>> 16) & 0xff;
  }
  return bytes;
}

function expectInputError(run: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as InputError).message).toMatch(message);
}

describe('decodeText: Unicode', () => {
  it('reads UTF-8', () => {
    expect(decode(utf8(SIMPLIFIED_NOTICE))).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SIMPLIFIED_NOTICE)]);
    expect(decode(bytes)).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'utf-8' });
  });

  it('reads characters beyond the Basic Multilingual Plane and noncharacters as the standard decoder does', () => {
    // 𠀀 and 𪚥 are four-byte UTF-8 sequences (surrogate pairs in the text); U+FEFF inside the text stays.
    const text = `${SIMPLIFIED_NOTICE}𠀀𪚥\uffff中\ufeff文\n`;
    expect(decode(utf8(text)).text).toBe(new TextDecoder().decode(utf8(text)));
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])).text).toBe(text);
  });

  it('reads UTF-16 LE and BE by their byte-order marks, and strips them', () => {
    const little = iconv.encode(SIMPLIFIED_NOTICE, 'utf-16le', { addBOM: true });
    const big = iconv.encode(SIMPLIFIED_NOTICE, 'utf-16be', { addBOM: true });
    expect(decode(little)).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'utf-16le' });
    expect(decode(big)).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'utf-16be' });
  });

  it('reads UTF-16 LE without a byte-order mark', () => {
    expect(decode(iconv.encode(SIMPLIFIED_NOTICE, 'utf-16le'))).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'utf-16le' });
  });

  it('keeps UTF-8 with a stray NUL byte as UTF-8', () => {
    const text = SIMPLIFIED_NOTICE.replace('\n', '\0\n');
    expect(decode(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('keeps UTF-8 with one damaged byte as UTF-8', () => {
    const truncated = utf8(SIMPLIFIED_NOTICE + '完').subarray(0, -1);
    expect(decode(truncated)).toEqual({ text: SIMPLIFIED_NOTICE + '\ufffd', encoding: 'utf-8' });
  });
});

describe('decodeText: legacy Chinese encodings', () => {
  it('detects GBK', () => {
    expect(decode(iconv.encode(SIMPLIFIED_NOTICE, 'gbk'))).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'gbk' });
  });

  it('says gb18030 only when four-byte sequences occur', () => {
    const text = SIMPLIFIED_NOTICE + '\n（二）𠀀字库扩展。';
    expect(decode(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('detects Big5', () => {
    expect(decode(iconv.encode(TRADITIONAL_NOTICE, 'big5'))).toEqual({ text: TRADITIONAL_NOTICE, encoding: 'big5' });
  });

  it('detects a short two-line paragraph in GBK and in Big5', () => {
    expect(decode(iconv.encode(SHORT_SIMPLIFIED, 'gbk'))).toEqual({ text: SHORT_SIMPLIFIED, encoding: 'gbk' });
    expect(decode(iconv.encode(SHORT_TRADITIONAL, 'big5'))).toEqual({ text: SHORT_TRADITIONAL, encoding: 'big5' });
  });

  it('falls back to a Western encoding when nothing reads as Chinese', () => {
    const { text, encoding } = decode(iconv.encode('Café au lait, naïve résumé.\n', 'latin1'));
    expect(text).toBe('Café au lait, naïve résumé.\n');
    expect(['iso-8859-1', 'windows-1252']).toContain(encoding);
  });
});

describe('decodeText: forced encoding', () => {
  it('decodes in the forced encoding and reports its normalised name', () => {
    const gbk = iconv.encode(SIMPLIFIED_NOTICE, 'gbk');
    expect(decode(gbk, 'GB2312')).toEqual({ text: SIMPLIFIED_NOTICE, encoding: 'gbk' });
    expect(decode(iconv.encode(TRADITIONAL_NOTICE, 'big5'), 'BIG5')).toEqual({ text: TRADITIONAL_NOTICE, encoding: 'big5' });
  });

  it('rejects a forced encoding the bytes are not in', () => {
    const gbk = iconv.encode(SIMPLIFIED_NOTICE, 'gbk');
    expectInputError(() => decode(gbk, 'big5'), /^does not decode as big5 \(\d+\.\d% of characters invalid\)$/);
    expectInputError(() => decode(gbk, 'utf-8'), /^does not decode as utf-8 /);
  });

  it('rejects an unknown encoding name', () => {
    expectInputError(() => decode(utf8(SIMPLIFIED_NOTICE), 'klingon'), /^unknown encoding klingon$/);
  });
});

describe('decodeText: not a text notice', () => {
  it('rejects empty input', () => {
    expectInputError(() => decode(new Uint8Array()), /^empty file$/);
  });

  it('rejects white space only, including ideographic spaces and a byte-order mark', () => {
    expectInputError(() => decode(utf8('\ufeff \n\t\u3000\r\n')), /^no text \(white space only\)$/);
  });

  it.each([
    ['PDF', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'],
    ['PNG image', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR'],
    ['JPEG image', '\xff\xd8\xff\xe0\0\x10JFIF'],
    ['zip archive', 'PK\x03\x04\x14\0\x06\0word/document.xml'],
  ])('names a %s by its magic number', (kind, header) => {
    const bytes = Uint8Array.from(header, (char) => char.charCodeAt(0));
    expectInputError(() => decode(bytes), new RegExp(`^binary file \\(${kind}\\), not a text notice$`));
  });

  it('rejects random binary, with or without NUL bytes', () => {
    expectInputError(() => decode(pseudoRandomBytes(4096, 1)), /^binary file, not a text notice$/);
    expectInputError(() => decode(pseudoRandomBytes(4096, 2, true)), /^binary file, not a text notice$/);
  });

  it('rejects text interleaved with control characters', () => {
    const text = [...SIMPLIFIED_NOTICE].map((char, i) => (i % 10 === 0 ? `\x01${char}` : char)).join('');
    expectInputError(() => decode(utf8(text)), /^binary file, not a text notice$/);
  });
});

describe('a UTF-8 file with a paragraph in another encoding', () => {
  it('reads each line in its own encoding and names the odd lines', () => {
    const lines = SIMPLIFIED_NOTICE.split('\n');
    const bytes = Buffer.concat([utf8(lines[0] + '\n'), iconv.encode(lines[1] + '\n', 'gbk'), utf8(lines.slice(2).join('\n'))]);
    const decoded = decodeText(bytes, { name: 'mixed.txt' });
    expect(decoded.text).toBe(SIMPLIFIED_NOTICE);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.otherEncodingLines).toEqual([2]);
  });

  it('refuses Big5 bytes forced through --encoding gbk', () => {
    expect(() => decodeText(iconv.encode(TRADITIONAL_NOTICE, 'big5'), { name: 'x.txt', encoding: 'gbk' })).toThrow(/does not read as Chinese text in gbk/);
  });
});
