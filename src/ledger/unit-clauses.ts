import type { Role, Unit } from '../model.js';
import { CELL_PARAGRAPH, LABEL } from '../vocabulary/columns.js';
import { SENTENCE_STOPS } from '../vocabulary/sentences.js';
import { matchMarker } from '../vocabulary/markers.js';
import {
  ANY_BRACKET,
  bareClauseStart,
  BRACKET,
  clauseParts,
  bareName,
  carriesOwnPlace,
  isBareUnitList,
  isUnitClause,
  isUnitName,
  INLINE_LABEL,
  labelRole,
  LEVEL_PREFIX,
  NOT_A_DEPARTMENT,
  NOTE,
  OPENS_CLAUSE,
  opensAsClause,
  PREFIX_ROLES,
  readOnce,
  ROLE_AFTER,
  ROLE_MARK,
  ROLE_OBJECT,
  ROLE_WORD,
  splitTopLevel,
  SUFFIX_ROLES,
  UNIT_LABEL_ENDINGS,
} from '../vocabulary/units.js';

/** Splits a run of unit names: on ，；, on 、 and 和 only where every piece is a unit itself. */
export function splitUnitNames(text: string, ownPlaceStems: string[] = []): string[] {
  const names: string[] = [];
  for (const group of splitTopLevel(joinCellParagraphs(text), '，,；;')) {
    const listed = joinBareLevels(splitTopLevel(group, '、').map(bareName).filter(Boolean));
    for (const piece of distributePrefix(unitsOfList(listed), ownPlaceStems)) names.push(...splitOnAnd(piece));
  }
  return names.filter(Boolean);
}

/** 各县、区人民政府 and 市、县（区）司法部门 are one name: a bare level goes with the name after it. */
function joinBareLevels(pieces: string[]): string[] {
  const joined: string[] = [];
  // 各乡、街办、管理处: a short 各-name lends its 各 to the short names after it; one group.
  let group = false;
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (last !== undefined && (BARE_LEVEL.test(last) || (group && piece.length <= SHORT_MEMBER && !piece.startsWith('各')))) {
      joined[joined.length - 1] = `${last}、${piece}`;
    } else {
      joined.push(piece);
      group = piece.startsWith('各') && piece.length <= SHORT_MEMBER;
    }
  }
  return joined;
}
const SHORT_MEMBER = 3;
const BARE_LEVEL = /^(各?[省市县区乡镇]|[省市县区乡镇]、.*[省市县区乡镇])$/;

/**
 * Paragraphs of a table cell are separate units, unless a name was broken over two of them
 * (省食品药品 / 监管局): a paragraph that ends in no unit's ending goes on in the next.
 */
function joinCellParagraphs(text: string): string {
  const paragraphs = text.split(CELL_PARAGRAPH);
  let joined = paragraphs[0]!;
  for (let i = 1; i < paragraphs.length; i++) {
    const before = joined.split(/[，,；;、]/).at(-1)!.trim();
    joined += before && !isUnitName(bareName(before)) ? paragraphs[i] : `，${paragraphs[i]}`;
  }
  return joined;
}

/**
 * A 、-list splits into its units where every piece is one; where only the first pieces are, the
 * rest is one descriptive unit (市财政局、涉及资源配置、项目建设等领域的相关单位 → two).
 */
function unitsOfList(all: string[]): string[] {
  // A list cut off after a level (市政府办公室、市) ends at its last whole name.
  const listed = all.length > 1 && /^[省市县区乡镇]$/.test(all.at(-1)!) ? all.slice(0, -1) : all;
  if (listed.every(isUnitName)) return listed;
  // A list mostly of units whose last name was cut off (…、市金融办、人民银) is still a list.
  if (listed.length >= 3 && listed.slice(0, -1).every(isUnitName)) return listed;
  const leading = listed.findIndex((piece) => !isUnitName(piece));
  const rest = listed.slice(leading).join('、');
  return leading > 0 && isUnitName(rest) ? [...listed.slice(0, leading), rest] : [listed.join('、')];
}

function splitOnAnd(name: string): string[] {
  // 以及 is 及: A以及B.
  const parts = splitTopLevel(name.includes('以及') ? name.replace(/以及/g, '及') : name, '和及与').map(bareName);
  return parts.length > 1 && parts.every(isUnitName) ? parts : [name];
}

function distributePrefix(names: string[], ownPlaceStems: string[]): string[] {
  const prefix = LEVEL_PREFIX.exec(names[0]!)?.[0];
  if (!prefix) return names;
  return names.map((name, i) =>
    i === 0 || name.includes('、') || !isUnitName(name) || carriesOwnPlace(name) || NOT_A_DEPARTMENT.test(name) || ownPlaceStems.some((stem) => name.includes(stem))
      ? name
      : prefix + name,
  );
}

// ---- clauses → units ----

export interface UnitContext {
  /** Role of units named without a role word (a table column's role). */
  defaultRole: Role;
  /** Place names of the notice's region (盐城): a unit starting with one carries its own place. */
  ownPlaceStems: string[];
  /** The notice says the first unit named leads (第一责任单位为牵头单位, §3). */
  firstLeads?: boolean;
  /** How this context reads clauses, kept on it once asked (see unitsOfClause). */
  reading?: (content: string) => Unit[];
}

/**
 * A reading of clauses for each kind of context (the role a clause's units take by default, the
 * notice's place, whether its first unit leads), shared by the notices of a batch that are alike;
 * and kept on each context, found without building a key for every clause.
 */
const readingsByKind = new Map<string, (content: string) => Unit[]>();

/** The units a clause names, for a column's role and the notice's place: read once for each. */
export function unitsOfClause(content: string, context: UnitContext): Unit[] {
  let reading = context.reading;
  if (reading === undefined) {
    const kind = `${context.defaultRole}:${context.firstLeads === true}:${context.ownPlaceStems.join('、')}`;
    reading = readingsByKind.get(kind);
    if (reading === undefined) {
      if (readingsByKind.size >= KINDS_KEPT) readingsByKind.clear();
      readingsByKind.set(kind, (reading = readOnce((clause) => leadingFirst(readUnitsOfClause(clause, context), context))));
    }
    context.reading = reading;
  }
  return reading(content);
}
/** Kinds of context remembered before the memory starts over: a batch of many places meets many. */
const KINDS_KEPT = 64;

/** The first unit leads where the notice says so, unless the clause names its lead itself. */
function leadingFirst(units: Unit[], context: UnitContext): Unit[] {
  if (!context.firstLeads || units.length === 0 || units.some((unit) => unit.role === 'lead')) return units;
  return [{ ...units[0]!, role: 'lead' as const }, ...units.slice(1)];
}

function readUnitsOfClause(content: string, context: UnitContext): Unit[] {
  const text = clauseParts(content).clause.trim().replace(/[。]$/, '');
  // Units named, then labelled ones (市卫健委牵头。配合单位：市医保局): each part read as it is written.
  INLINE_LABEL.lastIndex = 1;
  const label = labelRole(text) === undefined ? INLINE_LABEL.exec(text) : null;
  if (label !== null) {
    const named = text.slice(0, label.index).replace(/[，,；;。\s]+$/, '');
    return dedupeUnits([...readUnitsOfClause(named, context), ...readUnitsOfClause(text.slice(label.index), context)]);
  }
  const units: Unit[] = [];
  const add = (names: string, role: Role) => {
    for (const name of splitUnitNames(names, context.ownPlaceStems)) {
      if (NOTE.test(name)) continue;
      // 县财政局（牵头）: a role word in brackets after a name is that unit's role.
      ROLE_MARK.lastIndex = 0;
      const marked = ROLE_MARK.exec(name);
      const bare = marked && marked.index + marked[0].length === name.length ? name.slice(0, marked.index) : null;
      if (bare && isUnitName(bare)) {
        units.push({ name: bare, role: SUFFIX_ROLES[marked![1]!]! });
        continue;
      }
      // 宣传处会办公室: 会 (with) joins a supporting unit to the responsible one.
      const joint = WITH_UNIT.exec(name);
      if (joint && isUnitName(joint[1]!) && isUnitName(joint[2]!)) {
        units.push({ name: joint[1]!, role }, { name: joint[2]!, role: 'support' });
      } else if (isUnitName(name) || name.length > 1) units.push({ name, role });
    }
  };
  if (labelRole(text) !== undefined) {
    // Labels run together (牵头单位：A责任单位：B) part the clause as ；does.
    const parted = text.replace(INLINE_LABEL, (label: string, at: number) => (at === 0 ? label : `；${label}`));
    for (const part of splitTopLevel(parted, '；;。')) {
      const role = labelRole(part);
      if (role) add(part.replace(LABEL, ''), role);
    }
    return dedupeUnits(units);
  }
  // Unlabelled, a bracketed role after a name is a role word like any other: 市民政局（牵头）、市卫健委.
  const words = text.replace(ROLE_MARK, '$1');
  let pending: Role | null = null;
  let from = 0;
  for (const m of words.matchAll(ROLE_WORD)) {
    const before = words.slice(from, m.index);
    from = m.index + m[0].length;
    // 协同落实 after the units: the prefix word ends their phrase like a suffix word.
    const endsPhrase = m[1] && (ROLE_AFTER.test(words.slice(from)) || !words.slice(from).trim());
    if (m[1] && !endsPhrase) {
      // A会同B落实: A leads, B supports.
      if (bareName(before)) add(before, 'lead');
      pending = PREFIX_ROLES[m[1]]!;
    } else if (m[1]) {
      if (bareName(before)) add(before, PREFIX_ROLES[m[1]]!);
      pending = null;
    } else {
      if (bareName(before)) add(before, pending ?? SUFFIX_ROLES[m[2]!]!);
      pending = null;
    }
  }
  const rest = words.slice(from);
  // After the last role word, what it takes (负责本辖区工作) is no unit.
  if (bareName(rest) && !ROLE_OBJECT.test(bareName(rest))) add(rest, pending ?? context.defaultRole);
  return dedupeUnits(units);
}

const WITH_UNIT = /^(.{2,12}?[处科室局办厅])会(?!同|签|商|议)(.{2,12})$/;

/** Each unit once per role, in the order first named (a task names a few: no keys needed). */
export function dedupeUnits(units: Unit[]): Unit[] {
  if (units.length < 2) return units;
  return units.filter((unit, i) => units.findIndex((other) => other.name === unit.name && other.role === unit.role) === i);
}

// ---- clauses inside a paragraph ----

export interface ClauseSplit {
  /** Task text before the clause. */
  text: string;
  /** The clause's content (without its brackets), or null for text after the last clause. */
  clause: string | null;
}

/** A clause closes its sentence, or its item of a list. */
const SENTENCE_END = new Set([...SENTENCE_STOPS, '；']);
/** What may stand between a clause and the end of its paragraph or the next sentence. */
const CLAUSE_TRAIL = new Set([' ', '\t', '\u00a0', '\u3000', '\u2029', '。', '；', '，']);

/** The first position from `at` on that is not white space or a closing mark of punctuation. */
function blankFrom(text: string, at: number): number {
  while (at < text.length && CLAUSE_TRAIL.has(text[at]!)) at++;
  return at;
}

/**
 * Whether the next item of an inline list starts at `at`: …（市人社局负责）二是…, …（X负责）2.…. A
 * bare number (2016年, 3个) is not one.
 */
function itemStartsAt(text: string, at: number): boolean {
  const marker = at < text.length ? matchMarker(text.slice(at, at + 12)) : null;
  return marker !== null && !marker.needsSequence;
}

/** Whether a clause opening at `open` follows a finished sentence (or nothing) since `from`. */
function afterSentence(text: string, from: number, open: number): boolean {
  let at = open - 1;
  while (at >= from && /\s/.test(text[at]!)) at--;
  return at < from || SENTENCE_END.has(text[at]!);
}

/**
 * Whether a label's ending and colon (单位：, the colon full-width once the clean stage made it so)
 * stand in the paragraph from `from` on: one search for the colon tells most paragraphs, which have none.
 */
function labelEndFrom(paragraph: string, from: number): boolean {
  for (let colon = paragraph.indexOf('：', from); colon !== -1; colon = paragraph.indexOf('：', colon + 1)) {
    if (UNIT_LABEL_ENDINGS.some((ending) => paragraph.startsWith(ending, colon - ending.length))) return true;
  }
  return false;
}

/**
 * Where labelled units begin after the paragraph's last sentence (…左右。牵头单位：区发改局责任单位：…),
 * or -1: a role label after a sentence's end, with no sentence after it.
 */
function trailingLabels(paragraph: string, from: number): number {
  if (!labelEndFrom(paragraph, from)) return -1;
  INLINE_LABEL.lastIndex = from + 1;
  for (let m = INLINE_LABEL.exec(paragraph); m !== null; m = INLINE_LABEL.exec(paragraph)) {
    if (!afterSentence(paragraph, from, m.index)) continue;
    return paragraph.slice(m.index).replace(/[。\s]+$/, '').includes('。') ? -1 : m.index;
  }
  return -1;
}

const COMMAS = new Set(['，', ',']);

/** Whether a paragraph ends with a unit clause in brackets (its stops after it aside). */
function endsWithClause(paragraph: string): boolean {
  let end = paragraph.length;
  while (end > 0 && CLAUSE_TRAIL.has(paragraph[end - 1]!)) end--;
  if (BRACKET[paragraph.charCodeAt(end - 1)] !== 2) return false;
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const bracket = BRACKET[paragraph.charCodeAt(i)];
    if (bracket === 2) depth++;
    else if (bracket === 1 && --depth === 0) return isUnitClause(paragraph.slice(i + 1, end - 1));
  }
  return false;
}

/**
 * Cuts a paragraph at its unit clauses — a top-level parenthesis naming units that ends the
 * paragraph, or that follows a finished sentence and is followed by more text — and tells whether
 * its brackets fail to pair up (one pass for both).
 */
export function scanClauses(paragraph: string): { splits: ClauseSplit[]; unbalanced: boolean } {
  const splits: ClauseSplit[] = [];
  let closesWithClause: boolean | undefined;
  // Every bracket counts for the balance, 〔〕 too; only （）-like ones open a clause.
  let balance = 0;
  let unbalanced = false;
  let depth = 0;
  let open = -1;
  let from = 0;
  ANY_BRACKET.lastIndex = 0;
  while (ANY_BRACKET.test(paragraph)) {
    const i = ANY_BRACKET.lastIndex - 1;
    const code = paragraph.charCodeAt(i);
    const bracket = BRACKET[code];
    balance += bracket === 1 ? 1 : -1;
    if (balance < 0) unbalanced = true;
    if (bracket === 1) {
      if (depth === 0 && !OPENS_CLAUSE(code)) continue;
      if (depth === 0) open = i;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth !== 0) continue;
      const atEnd = blankFrom(paragraph, i + 1) === paragraph.length;
      // …推进决策预公开（责任单位：市司法局）。严格…: the clause ends its sentence, the stop after it
      // (and goes with it, as at the end of a paragraph).
      // A clause right before the next item of an inline list ends its item as a stop would.
      const endsSentence = SENTENCE_END.has(paragraph[i + 1]!) || itemStartsAt(paragraph, i + 1);
      // …政策（县人社局负责），公开…（县医保局负责）。: before a comma, a clause ends its part of the
      // sentence when another clause closes the rest; alone it may only say who does what is said.
      const endsPart = COMMAS.has(paragraph[i + 1]!) && (closesWithClause ??= endsWithClause(paragraph));
      if (!atEnd && !endsSentence && !endsPart && !afterSentence(paragraph, from, open)) continue;
      const content = paragraph.slice(open + 1, i);
      // A bare list of units may name its time limit too: …活动。（各乡镇、县直有关部门，10月底前）
      if (!isUnitClause(content) && !(atEnd && isBareUnitList(clauseParts(content).clause))) continue;
      splits.push({ text: paragraph.slice(from, open).trim(), clause: content });
      from = blankFrom(paragraph, i + 1);
    }
  }
  // A clause whose closing bracket was lost still closes the paragraph: （市财政局牵头，市审计局配合
  if (depth > 0 && open >= from && (isUnitClause(paragraph.slice(open + 1)) || opensAsClause(paragraph.slice(open + 1)))) {
    splits.push({ text: paragraph.slice(from, open).trim(), clause: paragraph.slice(open + 1) });
    from = paragraph.length;
  }
  // …and one whose opening bracket was lost: 推进决策解读。市直各单位负责）
  const strayClose = unbalanced ? /[。；]([^。；（(）)]+)[）)]$/.exec(paragraph.slice(from)) : null;
  if (strayClose && isUnitClause(strayClose[1]!)) {
    splits.push({ text: paragraph.slice(from, from + strayClose.index + 1).trim(), clause: strayClose[1]! });
    from = paragraph.length;
  }
  // …and labelled units that run on after the last sentence: …增长6%左右。牵头单位：区发改局
  const labelled = trailingLabels(paragraph, from);
  if (labelled !== -1) {
    splits.push({ text: paragraph.slice(from, labelled).trim(), clause: paragraph.slice(labelled) });
    from = paragraph.length;
  }
  // …and units named after the last sentence without brackets: …预公开，由县司法局牵头，县政府办配合。
  const bare = from < paragraph.length ? bareClauseStart(paragraph, from) : -1;
  if (bare > from) {
    splits.push({ text: paragraph.slice(from, bare).replace(/[，,\s]+$/, ''), clause: paragraph.slice(bare).replace(/[。；;\s]+$/, '') });
    from = paragraph.length;
  }
  const rest = paragraph.slice(from).trim();
  if (rest || splits.length === 0) splits.push({ text: rest, clause: null });
  return { splits, unbalanced: unbalanced || balance > 0 };
}
