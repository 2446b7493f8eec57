import { createRequire } from 'node:module';
import type { Script } from '../model.js';
import { CodeUnitBuffer } from './code-units.js';
import { COMPATIBILITY_IDEOGRAPH, flagsOf, TRADITIONAL } from './scan.js';

type OpenCCModule = typeof import('opencc-js/t2cn');
/** One of OpenCC's dictionary groups: dictionaries as “from to|from to” strings or pairs. */
type DictGroup = (string | string[][])[];
/** A conversion of OpenCC's presets: its types leave out the normalisation step. */
interface ConversionConfig {
  conversionChain: DictGroup[];
  normalizationChain?: DictGroup[];
  segmentation?: unknown;
}

/**
 * The dictionary groups OpenCC's Converter({ from: 't', to: 'cn' }) applies, in order: where the
 * preset has a t2s configuration, its normalisation (compatibility ideographs such as U+F900 豈 to
 * the unified 豈) and then its conversion; else the plain table to cn. (The preset segments no
 * text first: a segmentation dictionary would change where matches may begin.)
 */
export function conversionSteps(OpenCC: OpenCCModule): { normalisation: DictGroup[]; conversion: DictGroup[] } {
  const config = (OpenCC.Locale.configs as Record<string, ConversionConfig> | undefined)?.['t2s'];
  if (config === undefined) return { normalisation: [], conversion: OpenCC.Locale.to.cn as DictGroup[] };
  return { normalisation: config.normalizationChain ?? [], conversion: config.conversionChain };
}

/** Every group of conversionSteps, in the order applied. */
export function conversionChain(OpenCC: OpenCCModule): DictGroup[] {
  const { normalisation, conversion } = conversionSteps(OpenCC);
  return [...normalisation, ...conversion];
}

// OpenCC's plain `t` table, not `tw`: gateway sites that turn mainland pages traditional write 着 as
// 著, and `tw` would give back 着力 where the original text had 著力. Its dictionaries are most of
// the start-up time, so they load only when a text needs them.

interface Entry {
  from: string;
  to: string;
  /** The code unit after the first character: most entries tried are ruled out by it alone. */
  next: number;
}

// What a dictionary has at a code unit: the character alone changes, a phrase starts with it, or
// (a high surrogate) an entry starts with a character beyond the Basic Multilingual Plane there.
const CHANGES_ALONE = 1;
const STARTS_PHRASE = 2;
const STARTS_ASTRAL = 4;

/** One step of OpenCC's conversion. */
interface Dictionary {
  /** By code unit, what entries start there (the flags above); most characters have none. */
  starts: Uint8Array;
  /** Entries of two characters or more by their first code unit, the longest first (an array: Map.get cost more than the rest of a look-up). */
  phrases: (Entry[] | undefined)[];
  /** The same for entries beginning beyond the Basic Multilingual Plane, by code point. */
  astralPhrases: Map<number, Entry[]>;
  /** What a single character becomes: by code unit in the Basic Multilingual Plane, by code point beyond. */
  characters: (string | undefined)[];
  /** The same as a code unit, for a character of the plane that becomes another one (0 for the rest): most changes, written without a string. */
  single: Uint16Array;
  astralCharacters: Map<number, string>;
}

interface Dictionaries {
  /** Only ever changes compatibility ideographs: skipped for a line without one. */
  normalisation: Dictionary[];
  conversion: Dictionary[];
}

let dictionaries: Dictionaries | undefined;

function loadDictionaries(): Dictionaries {
  const OpenCC = createRequire(import.meta.url)('opencc-js/t2cn') as OpenCCModule;
  const { normalisation, conversion } = conversionSteps(OpenCC);
  return { normalisation: normalisation.map(dictionaryOf), conversion: conversion.map(dictionaryOf) };
}

/** A group's entries as OpenCC's Trie.loadDictGroup reads them: an earlier dictionary of the group overrides a later one. */
export function entriesOf(group: DictGroup): Map<string, string> {
  const entries = new Map<string, string>();
  for (const dictionary of [...group].reverse()) {
    if (typeof dictionary !== 'string') {
      for (const [from, to] of dictionary) if (from && to !== undefined) entries.set(from, to);
      continue;
    }
    // “from to|from to” read in place: splitting it into an array per entry was most of the
    // time a traditional notice's cold start spent on the dictionaries.
    for (let start = 0; start <= dictionary.length; ) {
      const bar = dictionary.indexOf('|', start);
      const end = bar === -1 ? dictionary.length : bar;
      const space = dictionary.indexOf(' ', start);
      if (space > start && space < end) {
        const next = dictionary.indexOf(' ', space + 1);
        entries.set(dictionary.slice(start, space), dictionary.slice(space + 1, next !== -1 && next < end ? next : end));
      }
      start = end + 1;
    }
  }
  return entries;
}

/**
 * A group's entries, phrases grouped by their first character. Building this takes a quarter of
 * the time OpenCC's trie of a map per character takes: the start of a run matters for a CLI.
 */
function dictionaryOf(group: DictGroup): Dictionary {
  const starts = new Uint8Array(0x10000);
  // Holes read as undefined; filling them first took as long as reading the entries.
  const phrases = new Array<Entry[] | undefined>(0x10000);
  const astralPhrases = new Map<number, Entry[]>();
  const characters = new Array<string | undefined>(0x10000);
  const single = new Uint16Array(0x10000);
  const astralCharacters = new Map<number, string>();
  // forEach, not for…of with [from, to]: unpacking a pair per entry cost more than the rest.
  entriesOf(group).forEach((to, from) => {
    const start = from.codePointAt(0)!;
    if (start > 0xffff) starts[from.charCodeAt(0)]! |= STARTS_ASTRAL;
    if (from.length === 1) {
      characters[start] = to;
      if (to.length === 1 && to !== from) single[start] = to.charCodeAt(0);
      if (to !== from) starts[start]! |= CHANGES_ALONE;
    } else if (start > 0xffff && from.length === 2) astralCharacters.set(start, to);
    if (from.length <= (start > 0xffff ? 2 : 1)) return;
    if (start <= 0xffff) starts[start]! |= STARTS_PHRASE;
    const entry = { from, to, next: from.charCodeAt(start > 0xffff ? 2 : 1) };
    const entries = start > 0xffff ? astralPhrases.get(start) : phrases[start];
    if (entries) entries.push(entry);
    else if (start > 0xffff) astralPhrases.set(start, [entry]);
    else phrases[start] = [entry];
  });
  const longestFirst = (entries: Entry[]) => entries.sort((a, b) => b.from.length - a.from.length);
  phrases.forEach((entries) => entries && longestFirst(entries));
  astralPhrases.forEach(longestFirst);
  return { starts, phrases, astralPhrases, characters, astralCharacters, single };
}

/** The converted text is written here. */
const buffer = new CodeUnitBuffer();

/**
 * OpenCC's longest-match conversion, giving the same text as its Converter: positions where no
 * entry of the dictionary begins are passed with one look-up, the entries starting at the others
 * are tried longest first. At the first change the whole text is copied into the buffer at once
 * (natively: a copy a code unit at a time cost more than the look-ups) and each change is written
 * over it; the rare entry that changes the length has the rest of the text copied again after it.
 */
function convertWith(dictionary: Dictionary, text: string, counter: { changed: number }): string {
  const { starts, phrases: bmpPhrases, characters, single } = dictionary;
  // The buffer's units in a local, reloaded only when they grow: a property load per unit cost more.
  let out = buffer.units;
  /** Where the text's position i is written: i + shift (entries may change the length). */
  let shift = 0;
  let copied = false;
  let changed = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const flags = starts[code]!;
    if (flags === 0) {
      // OpenCC leaves an ideographic description sequence (⿰魚國) whole.
      i = code >= 0x2ff0 && code <= 0x2fff ? Math.max(i + 1, descriptionEnd(text, i, 0)) : i + 1;
      continue;
    }
    // A character that only ever changes alone, into one other: written at once.
    if (flags === CHANGES_ALONE && single[code] !== 0) {
      if (!copied) {
        out = buffer.copyOf(text);
        copied = true;
      }
      out[i + shift] = single[code]!;
      changed++;
      i++;
      continue;
    }
    const width = flags & STARTS_ASTRAL && isSurrogatePair(text, i, code) ? 2 : 1;
    const point = width === 2 ? text.codePointAt(i)! : code;
    // The longest entry the text goes on with: a phrase, else the character alone.
    let to: string | undefined;
    let matched = width;
    const phrases = width === 2 ? dictionary.astralPhrases.get(point) : flags & STARTS_PHRASE ? bmpPhrases[code] : undefined;
    if (phrases) {
      const next = text.charCodeAt(i + width);
      for (const phrase of phrases) {
        if (phrase.next !== next || !text.startsWith(phrase.from, i)) continue;
        to = phrase.to;
        matched = phrase.from.length;
        break;
      }
    }
    to ??= width === 2 ? dictionary.astralCharacters.get(point) : flags & CHANGES_ALONE ? characters[code] : undefined;
    if (to === undefined) {
      i += width;
      continue;
    }
    if (!copied) {
      out = buffer.copyOf(text);
      copied = true;
    }
    for (let k = 0; k < to.length && k < matched; k++) if (text.charCodeAt(i + k) !== to.charCodeAt(k)) changed++;
    const at = i + shift;
    if (to.length !== matched) {
      shift += to.length - matched;
      out = buffer.reserve(text.length + shift, at);
      buffer.write(text.slice(i + matched), at + to.length);
    }
    for (let k = 0; k < to.length; k++) out[at + k] = to.charCodeAt(k);
    i += matched;
  }
  counter.changed += changed;
  return copied ? buffer.text(text.length + shift) : text;
}

const isSurrogatePair = (text: string, i: number, code: number) => {
  if (code < 0xd800 || code >= 0xdc00) return false;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low < 0xe000;
};

/** Ideographic description sequences nest this deep and run this long at most, as far as taizhang looks. */
const DESCRIPTION_DEPTH = 8;
const DESCRIPTION_LENGTH = 64;

/**
 * Where the ideographic description sequence starting at `i` ends, as OpenCC reads it (an operator
 * such as ⿰ takes two parts, ⿲ and ⿳ three, each a character or a sequence), or 0 when none
 * starts there. Bounded, unlike OpenCC's, so that a line of nothing but operators stays cheap.
 */
function descriptionEnd(text: string, i: number, depth: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x2ff0 || code > 0x2fff || depth > DESCRIPTION_DEPTH) return 0;
  const parts = code === 0x2ff2 || code === 0x2ff3 ? 3 : 2;
  let end = i + 1;
  for (let part = 0; part < parts; part++) {
    if (end >= text.length || end - i > DESCRIPTION_LENGTH) return 0;
    end = descriptionEnd(text, end, depth + 1) || end + (isSurrogatePair(text, end, text.charCodeAt(end)) ? 2 : 1);
  }
  return end;
}

/**
 * A text simplified. One that holds no character OpenCC may change (the scan's TRADITIONAL flag: a
 * character beyond the Basic Multilingual Plane counts when its neighbours in the surrogate range
 * could change) converts to itself and is returned as it is.
 */
export function convertToSimplified(text: string): string {
  const flags = flagsOf(text);
  return flags & TRADITIONAL ? convertLine(text, flags).text : text;
}

/**
 * A line known to hold traditional characters, simplified, and how many characters changed.
 * `flags` (from scanLines) tell whether it holds a compatibility ideograph to normalise first.
 */
export function convertLine(text: string, flags = COMPATIBILITY_IDEOGRAPH): { text: string; changed: number } {
  const counter = { changed: 0 };
  const { normalisation, conversion } = (dictionaries ??= loadDictionaries());
  let line = text;
  if (flags & COMPATIBILITY_IDEOGRAPH) for (const dictionary of normalisation) line = convertWith(dictionary, line, counter);
  for (const dictionary of conversion) line = convertWith(dictionary, line, counter);
  return { text: line, changed: counter.changed };
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

