import { isUtf8, transcode } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { BYTE_ORDER_MARKS, startsWith, UTF8_BOM } from './bom.js';
import { CFB, EMPTY_ZIP, NOT_NOTICES, PDF, ZIP } from './signatures.js';
import { COMMON_CHINESE_CHARACTERS } from './common-chinese.js';

// Decoding strategy: byte-order mark, then strict UTF-8 (the common case, kept cheap), then a guess
// among the legacy Chinese encodings. iconv-lite and chardet are only loaded off the UTF-8 path:
// most inputs are UTF-8 and start-up time matters for a CLI.

type Iconv = typeof import('iconv-lite');
type Chardet = typeof import('chardet');

let iconvModule: Iconv | undefined;
let chardetModule: Chardet | undefined;
const iconv = (): Iconv => (iconvModule ??= lazyRequire('iconv-lite') as Iconv);
const chardet = (): Chardet => (chardetModule ??= lazyRequire('chardet') as Chardet);

/** A synchronous require for the CommonJS libraries: decodeText is synchronous, import() is not. */
function lazyRequire(name: string): unknown {
  return createRequire(import.meta.url)(name);
}

/** Detection, binary sniffing and scoring look at this many bytes (or decoded characters) only. */
const SAMPLE_SIZE = 64 * 1024;
/** More replacement characters (U+FFFD) than this share means the bytes are not in that encoding. */
const MAX_REPLACEMENT_RATIO = 0.01;
/** More control characters than this share means binary data, not text. */
const MAX_CONTROL_RATIO = 0.02;
/** A decoding whose common-character score reaches this reads as Chinese; wrong ones stay near 0.1–0.3. */
const PLAUSIBLY_CHINESE_SCORE = 0.4;
/** Control characters other than white space (\t \n \v \f \r): rare in text, common in binary data. */
const CONTROL_CHARS = /[\x00-\x08\x0E-\x1F\x7F]/g;

/** The decoder used for every GB encoding: GB18030 is a superset of GB2312 and GBK. */
const GB_FAMILY = 'gb18030';

/** A text file may also be in UTF-32: those marks first, as UTF-32 LE's starts with UTF-16 LE's. */
const TEXT_BYTE_ORDER_MARKS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  ...BYTE_ORDER_MARKS,
];

/** Files that reach the text decoder (read/format.ts sends documents to their readers), by what they are. */
const BINARY_FILES: readonly { magic: readonly number[]; kind: string }[] = [
  { magic: [...Buffer.from(PDF)], kind: 'PDF' },
  { magic: ZIP, kind: 'a zip archive' },
  { magic: EMPTY_ZIP, kind: 'a zip archive' },
  { magic: CFB, kind: 'a Word 97–2003 or other Office file' },
  ...NOT_NOTICES,
];

interface Candidate {
  encoding: string;
  /** Any bytes decode in it, so it is only taken when no Chinese reading is plausible. */
  lastResort?: boolean;
  /** chardet's confidence, to break ties. */
  confidence?: number;
}

/**
 * Encodings a Chinese notice may be in without a byte-order mark, by chardet's names. UTF-16 is not
 * here: chardet only recognises it by its byte-order mark; NUL bytes give it away instead.
 */
const GUESSABLE_ENCODINGS: Record<string, Candidate> = {
  'UTF-8': { encoding: 'utf-8' },
  GB18030: { encoding: GB_FAMILY },
  Big5: { encoding: 'big5' },
  'windows-1252': { encoding: 'windows-1252', lastResort: true },
  'ISO-8859-1': { encoding: 'iso-8859-1', lastResort: true },
};

/** Spellings of --encoding that mean one of our encodings, keyed without case and punctuation. */
const ENCODING_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  gb2312: GB_FAMILY,
  gbk: GB_FAMILY,
  cp936: GB_FAMILY,
  euccn: GB_FAMILY,
  gb18030: GB_FAMILY,
  big5: 'big5',
  big5hkscs: 'big5',
  latin1: 'iso-8859-1',
  iso88591: 'iso-8859-1',
  windows1252: 'windows-1252',
};

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Bytes known to be valid UTF-8 → text. Node 20 decodes UTF-8 into a string with V8's own
 * character-by-character decoder; transcoding to UTF-16 first and taking the string from those
 * bytes gives the same text about ten times faster (the main cost of reading a file before).
 */
function fromValidUtf8(bytes: Uint8Array): string {
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** UTF-8 bytes → text, without a byte-order mark; invalid sequences become U+FFFD. */
function decodeUtf8(bytes: Uint8Array): string {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  return isUtf8(body) ? fromValidUtf8(body) : lenientUtf8.decode(body);
}
let commonChineseCharacters: Set<string> | undefined;

/**
 * Bytes of a text notice → text, in the given encoding or a detected one. The reported encoding is
 * normalised: 'utf-8', 'gbk' (any GB encoding; 'gb18030' only if its four-byte sequences occur),
 * 'big5', 'utf-16le', … Throws InputError for empty, blank, binary or undecodable input.
 */
export interface DecodedText {
  text: string;
  encoding: string;
  /** Lines that were in another encoding than the rest (a paragraph pasted from elsewhere). */
  otherEncodingLines?: number[];
}

export function decodeText(bytes: Uint8Array, options: { name: string; encoding?: string }): DecodedText {
  if (bytes.length === 0) throw new InputError('empty file');
  const binaryKind = BINARY_FILES.find(({ magic }) => startsWith(bytes, magic))?.kind.replace(/^an? /, '');
  if (binaryKind !== undefined) throw binaryFileError(binaryKind);

  const decoded = options.encoding === undefined ? detectAndDecode(bytes) : decodeForced(bytes, options.encoding);
  rejectBinary(decoded.text);
  if (/^\s*$/.test(decoded.text)) throw new InputError('no text (white space only)');
  return decoded;
}

function detectAndDecode(bytes: Uint8Array): DecodedText {
  const bom = TEXT_BYTE_ORDER_MARKS.find((mark) => startsWith(bytes, mark.bytes));
  if (bom !== undefined) return { text: decodeChecked(bytes, bom.encoding, bom.encoding), encoding: bom.encoding };

  const sample = bytes.subarray(0, SAMPLE_SIZE);
  // NUL bytes are valid UTF-8 but rare in text: likely UTF-16 without a byte-order mark. If not, the
  // control-character checks tell binary data from a stray NUL.
  if (sample.includes(0)) {
    const utf16 = decodeMostChinese(bytes, sample, [{ encoding: 'utf-16le' }, { encoding: 'utf-16be' }]);
    if (utf16 !== null) return utf16;
  }

  if (isUtf8(bytes)) return { text: fromValidUtf8(bytes), encoding: 'utf-8' };
  // Not UTF-8: guess below.
  // Control bytes never occur inside GBK, Big5 or UTF-8 characters, so this check needs no decoding.
  rejectBinary(latin1(sample));
  // chardet names every encoding whose byte patterns fit; its ranking of short texts is unreliable,
  // so it only proposes candidates and breaks ties.
  const guesses = chardet()
    .analyse(sample)
    .flatMap((match) => {
      const candidate = Object.hasOwn(GUESSABLE_ENCODINGS, match.name) ? GUESSABLE_ENCODINGS[match.name] : undefined;
      return candidate === undefined ? [] : [{ ...candidate, confidence: match.confidence }];
    });
  const decoded = decodeMostChinese(bytes, sample, guesses) ?? decodeMixed(bytes);
  if (decoded === null) throw new InputError('unknown text encoding (not UTF-8, GBK or Big5); pass --encoding');
  return decoded;
}

/** A file is mostly UTF-8 when at least this share of its bytes stand in lines that are valid UTF-8. */
const MOSTLY_UTF8 = 0.5;

/**
 * A UTF-8 file with some lines in GBK or Big5 (a paragraph pasted from an older document): each
 * line is read in the encoding it is in. Null when the file is not mostly UTF-8.
 */
function decodeMixed(bytes: Uint8Array): DecodedText | null {
  const lines: Uint8Array[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end + 1;
    lines.push(bytes.subarray(start, stop));
    start = stop;
    if (end < 0) break;
  }
  const valid = lines.map((line) => isUtf8(line));
  const validBytes = lines.reduce((sum, line, i) => sum + (valid[i] ? line.length : 0), 0);
  if (validBytes < MOSTLY_UTF8 * bytes.length) return null;
  const others = Buffer.concat(lines.filter((_, i) => !valid[i]));
  const legacy = decodeMostChinese(others, others.subarray(0, SAMPLE_SIZE), [
    GUESSABLE_ENCODINGS['GB18030']!,
    GUESSABLE_ENCODINGS['Big5']!,
  ]);
  if (legacy === null) return null;
  const encoding = legacy.encoding === 'big5' ? 'big5' : GB_FAMILY;
  const text = lines.map((line, i) => (valid[i] ? fromValidUtf8(line) : decode(line, encoding))).join('');
  const otherEncodingLines = valid.flatMap((ok, i) => (ok ? [] : [i + 1]));
  return { text, encoding: 'utf-8', otherEncodingLines };
}

/**
 * Decodes the sample in each candidate encoding and keeps the one that reads most like Chinese;
 * null when none decodes cleanly and plausibly.
 */
function decodeMostChinese(bytes: Uint8Array, sample: Uint8Array, candidates: Candidate[]): { text: string; encoding: string } | null {
  const best = candidates
    .map((candidate) => {
      const text = decode(sample, candidate.encoding);
      const score = candidate.lastResort ? PLAUSIBLY_CHINESE_SCORE : chineseScore(text);
      return { ...candidate, text, score };
    })
    .filter((reading) => reading.score >= PLAUSIBLY_CHINESE_SCORE && replacementRatio(reading.text) <= MAX_REPLACEMENT_RATIO)
    .sort((a, b) => b.score - a.score || (b.confidence ?? 0) - (a.confidence ?? 0))[0];
  if (best === undefined) return null;
  const encoding = reportedName(best.encoding, bytes);
  const text = sample.length === bytes.length ? best.text : decodeChecked(bytes, best.encoding, encoding);
  return { text, encoding };
}

/** Below this many non-ASCII characters a text is too short to judge whether it reads as Chinese. */
const JUDGED_FROM = 50;

function decodeForced(bytes: Uint8Array, requested: string): DecodedText {
  if (!iconv().encodingExists(requested)) throw new InputError(`unknown encoding ${requested}`);
  const encoding = ENCODING_ALIASES[requested.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? requested.toLowerCase();
  const text = decodeChecked(bytes, encoding, requested);
  // Big5 bytes read as GBK decode without errors into nonsense: say so rather than parse it.
  const sample = text.slice(0, SAMPLE_SIZE);
  if (nonAsciiCount(sample) >= JUDGED_FROM && chineseScore(sample) < PLAUSIBLY_CHINESE_SCORE) {
    throw new InputError(`does not read as Chinese text in ${requested}`);
  }
  return { text, encoding: reportedName(encoding, bytes) };
}

function nonAsciiCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) count++;
  return count;
}

function decode(bytes: Uint8Array, encoding: string): string {
  // iconv-lite strips the byte-order marks of the encodings it decodes.
  return encoding === 'utf-8' ? decodeUtf8(bytes) : iconv().decode(bytes, encoding);
}

/** Decodes and rejects the result if too much of it is replacement characters; `label` names the encoding. */
function decodeChecked(bytes: Uint8Array, encoding: string, label: string): string {
  const text = decode(bytes, encoding);
  const ratio = replacementRatio(text);
  if (ratio > MAX_REPLACEMENT_RATIO) {
    throw new InputError(`does not decode as ${label} (${percent(ratio)} of characters invalid)`);
  }
  return text;
}

/** 'gbk' unless the bytes use GB18030's four-byte sequences: say no more than the input needs. */
function reportedName(encoding: string, bytes: Uint8Array): string {
  if (encoding !== GB_FAMILY) return encoding;
  let afterLead = false;
  for (const byte of bytes) {
    if (afterLead) {
      // The byte after a GB lead byte is a digit only in a four-byte sequence.
      if (byte >= 0x30 && byte <= 0x39) return 'gb18030';
      afterLead = false;
    } else {
      afterLead = byte >= 0x81 && byte !== 0xff;
    }
  }
  return 'gbk';
}

/**
 * Share of non-ASCII characters that are common Chinese characters or punctuation, less a penalty
 * for replacement and private-use characters (what Big5 bytes become when read as GBK).
 */
function chineseScore(text: string): number {
  commonChineseCharacters ??= new Set(COMMON_CHINESE_CHARACTERS);
  let nonAscii = 0;
  let common = 0;
  let suspicious = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) continue;
    nonAscii++;
    if (commonChineseCharacters.has(char)) common++;
    else if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) suspicious++;
  }
  return nonAscii === 0 ? 0 : (common - 3 * suspicious) / nonAscii;
}

/** Binary data shows its control characters from the start: the first few thousand tell. */
const BINARY_SAMPLE = 4 * 1024;

function rejectBinary(text: string): void {
  const sample = text.slice(0, BINARY_SAMPLE);
  const controls = sample.match(CONTROL_CHARS)?.length ?? 0;
  if (controls > MAX_CONTROL_RATIO * sample.length) throw binaryFileError(null);
}

function binaryFileError(kind: string | null): InputError {
  return new InputError(kind === null ? 'binary file, not a text notice' : `binary file (${kind}), not a text notice`);
}

function replacementRatio(text: string): number {
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replacements++;
  return replacements / text.length;
}

/** One character per byte, so byte-level checks can use string tools. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
