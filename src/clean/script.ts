import { createRequire } from 'node:module';
import type { Script } from '../model.js';
import { PHRASE_STARTS, TRADITIONAL_CHARS } from './traditional-chars.js';

type OpenCCModule = typeof import('opencc-js/t2cn');
type Trie = InstanceType<OpenCCModule['Trie']>;

// Characters by code, for one-look-up tests: 1 = OpenCC changes it alone, 2 = a phrase starts with
// it, 3 = both. A bitmap over the Basic Multilingual Plane, far faster than a regular expression
// with thousands of alternatives; the rare characters beyond it go in a set.
const TRADITIONAL = 1;
const PHRASE_START = 2;
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();
const mark = (chars: string, flag: number) => {
  for (const ch of chars) {
    const code = ch.codePointAt(0)!;
    if (code < 0x10000) BMP[code]! |= flag;
    else ASTRAL.set(code, (ASTRAL.get(code) ?? 0) | flag);
  }
};
mark(TRADITIONAL_CHARS, TRADITIONAL);
mark(PHRASE_STARTS, PHRASE_START);
const flagsAt = (text: string, i: number, code: number) =>
  code >= 0xd800 && code < 0xdc00 ? (ASTRAL.get(text.codePointAt(i)!) ?? 0) : BMP[code]!;

/** Whether a text holds any character that OpenCC would turn simplified. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (flagsAt(text, i, text.charCodeAt(i)) & TRADITIONAL) return true;
  return false;
}

// OpenCC's plain `t` table, not `tw`: gateway sites that turn mainland pages traditional write 着 as
// 著, and `tw` would give back 着力 where the original text had 著力. Its dictionaries are most of
// the start-up time, so they load only when a text needs them.
let tries: Trie[] | undefined;

function loadTries(): Trie[] {
  const OpenCC = createRequire(import.meta.url)('opencc-js/t2cn') as OpenCCModule;
  return OpenCC.Locale.to.cn.map((group: Parameters<Trie['loadDictGroup']>[0]) => {
    const trie = new OpenCC.Trie();
    trie.loadDictGroup(group);
    return trie;
  });
}

/** Per trie: what a character that starts no longer entry becomes (null: itself), by code point. */
const singleValues = new WeakMap<Trie, { bmp: (string | null | undefined)[]; astral: Map<number, string | null> }>();

/** The converted text is written here as UTF-16 code units; it grows with the longest line. */
let units = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/** Room for `needed` code units, keeping the first `kept`. */
function reserve(needed: number, kept: number): void {
  if (needed <= units.length) return;
  const larger = new Uint16Array(Math.max(needed, units.length * 2));
  larger.set(units.subarray(0, kept));
  units = larger;
}

/**
 * OpenCC's longest-match conversion with its own tries, giving the same text as its Converter:
 * positions where no entry can begin are skipped with one look-up instead of a walk of the trie,
 * a character no longer entry starts with is looked up once and remembered, and the result is
 * written as code units rather than built by concatenation (which left garbage for every change).
 */
function convertWith(trie: Trie, text: string, counter: { changed: number }): string {
  let singles = singleValues.get(trie);
  if (!singles) singleValues.set(trie, (singles = { bmp: new Array(0x10000).fill(undefined), astral: new Map() }));
  reserve(text.length, 0);
  let length = 0;
  let changes = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code < 0xdc00 ? 2 : 1;
    const flags = flagsAt(text, i, code);
    let value: string | null = null;
    let end = i + width;
    if (flags & PHRASE_START) {
      const match = trie.matchPrefix(text, i);
      if (match) ({ value, end } = match);
    } else if (flags) {
      const point = width === 2 ? text.codePointAt(i)! : code;
      const known = width === 2 ? singles.astral.get(point) : singles.bmp[point];
      value = known !== undefined ? known : (trie.matchPrefix(text, i)?.value ?? null);
      if (known === undefined) {
        if (width === 2) singles.astral.set(point, value);
        else singles.bmp[point] = value;
      }
    }
    if (value === null) {
      units[length++] = code;
      if (width === 2) units[length++] = text.charCodeAt(i + 1);
      i += width;
      continue;
    }
    changes = true;
    reserve(length + value.length + (text.length - end), length);
    for (let k = 0; k < value.length; k++) {
      const unit = value.charCodeAt(k);
      if (i + k < end && text.charCodeAt(i + k) !== unit) counter.changed++;
      units[length++] = unit;
    }
    i = end;
  }
  return changes ? utf16.decode(units.subarray(0, length)) : text;
}

export function convertToSimplified(text: string): string {
  return hasTraditional(text) ? convertLine(text).text : text;
}

/** A line known to hold traditional characters, simplified, and how many characters changed. */
export function convertLine(text: string): { text: string; changed: number } {
  const counter = { changed: 0 };
  const converted = (tries ??= loadTries()).reduce((line, trie) => convertWith(trie, line, counter), text);
  return { text: converted, changed: counter.changed };
}

/** Share of Han characters OpenCC changed above which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.05;

/** How many Han characters of a text OpenCC changed. */
export function changedHan(original: string, simplified: string): number {
  if (original === simplified) return 0;
  let changed = 0;
  const length = Math.min(original.length, simplified.length);
  for (let i = 0; i < length; i++) {
    const code = original.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff && code !== simplified.charCodeAt(i)) changed++;
  }
  return changed;
}

/** Which script a text was in, judged by how much of it OpenCC had to change. */
export function scriptFrom(changed: number, han: number): Script {
  if (changed === 0) return 'simplified';
  return changed / han > TRADITIONAL_SHARE ? 'traditional' : 'mixed';
}

export function scriptOf(original: string, simplified: string): Script {
  let han = 0;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) han++;
  }
  return scriptFrom(changedHan(original, simplified), han);
}
