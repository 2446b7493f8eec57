import type { Role, Unit } from '../model.js';
import { CELL_PARAGRAPH } from '../table/columns.js';
import { SENTENCE_STOPS } from '../vocabulary/sentences.js';

// ---- data: the words of unit clauses (contract §3) ----

/** Labels of labelled clauses: （牵头单位：X；责任单位：Y）, a line “责任单位：X、Y”. */
const LABEL_ROLES: { label: RegExp; role: Role }[] = [
  { label: /^(牵头|主办)(单位|部门|领导)?$/, role: 'lead' },
  { label: /^(配合|协办|参与|协同)(单位|部门)?$/, role: 'support' },
  { label: /^(责任|负责|承办|实施|主责)(单位|部门|处室|科室|主体)?$/, role: 'responsible' },
];
const LABEL = /^\s*([\u4e00-\u9fff]{2,6})\s*[：:]/;

/** Role words that follow the units they assign; the first of a run decides (牵头落实 → lead). */
const SUFFIX_ROLES: Record<string, Role> = {
  牵头: 'lead', 主办: 'lead',
  负责: 'responsible', 承办: 'responsible', 落实: 'responsible', 组织实施: 'responsible',
  配合: 'support', 参与: 'support', 协办: 'support',
};
/** Role words that precede the units they assign: （A牵头，会同B落实）. */
const PREFIX_ROLES: Record<string, Role> = { 会同: 'support', 协同: 'support' };
const ROLE_WORD = new RegExp(`(${Object.keys(PREFIX_ROLES).join('|')})|(${Object.keys(SUFFIX_ROLES).join('|')})`, 'g');
const CLAUSE_ENDING = new RegExp(`(${Object.keys(SUFFIX_ROLES).join('|')})$`);
const ROLE_AFTER = new RegExp(`^(${Object.keys(SUFFIX_ROLES).join('|')})`);

/** Words around unit names that are not part of them. */
const QUALIFIERS = /^(由|请)|(按职责分工|按照职责分工|按职能分工|按职责|按职能|根据职责|分别|各自|共同|具体|等单位|等部门|等|负责落实|负责|落实|承办)+$/;
/** A name followed by 等 and what it stands for: 区商务局等数字经济工作领导小组成员单位 → 区商务局. */
const AND_OTHERS = /^(.{2,}?)等[^、，；]{0,24}$/;
/** Parts of a clause that are notes, not units: 以下均需各县市区落实，不再逐一列出. */
const NOTE = /以下|不再|逐一|列出|下同|参照|均需|适用范围|按有关|规定执行/;

/** Endings of a unit's name: what makes a piece of a list a unit by itself. */
const UNIT_ENDING =
  /(局|委|办|厅|署|院|会|部|中心|政府|单位|部门|机构|机关|公司|集团|站|所|队|处|科|室|组|社|馆|校|行|园区|开发区|新区|办事处|镇|街|街道|乡|村|区|县|市|州|旗|盟|海关|总局|支队|大队|联社|协会|商会)$/;

/** Level prefixes that distribute over a 、-list: 市编办、人社局 → 市编办、市人社局. */
const LEVEL_PREFIX = /^[市省县区](?!场|政(?:公用|工程|设施|园林)|域|级)/;
/** A name that carries its own place or level takes no distributed prefix. */
const OWN_PLACE = /^(各|全|本|国家|国务院|中央|中共|驻)|^[省市县区镇乡](?!场|政(?:公用|工程|设施|园林)|域|级)|^[\u4e00-\u9fff]{1,4}[省市县区州旗](?!场|政(?:公用|工程|设施|园林)|域|级)/;
/** Bodies that are not a level's own departments: customs, companies, banks… keep their names. */
const NOT_A_DEPARTMENT = /(海关|公司|集团|银行|分行|支行|大学|学院|医院|报社|电视台|机场|邮政|烟草|铁路|供电|电信|移动|联通)/;

// ---- clause recognition ----

/** Distinct clauses remembered before the memory starts over: a batch meets many. */
const CLAUSES_KEPT = 4096;

/**
 * A reading of clauses that reads each distinct one once: notices repeat their clauses
 * (各县（市、区）、市各有关部门负责落实) task after task, and a batch's notices each other's.
 */
function readOnce<A extends unknown[], T>(keyOf: (...args: A) => string, read: (...args: A) => T): (...args: A) => T {
  const known = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= CLAUSES_KEPT) known.clear();
      known.set(key, (value = read(...args)));
    }
    return value;
  };
}

/** Whether the text inside a parenthesis (or a labelled line) names the units of a task. */
export const isUnitClause = readOnce((content: string) => content, judgeClause);

function judgeClause(content: string): boolean {
  const text = content.trim().replace(/[。；，]$/, '');
  if (!text || text.length > 300 || text.includes('。')) return false;
  if (labelRole(text) !== undefined) return true;
  return CLAUSE_ENDING.test(text) && splitTopLevel(text.replace(ROLE_WORD, '、'), /[、，；]/).some((piece) => isUnitName(bareName(piece)));
}

/**
 * A parenthesis of nothing but unit names closing a paragraph names its units without a role
 * word: …公开到位。（市财政局、各县区）. A piece must be more than a bare word like （部门）.
 */
export function isBareUnitList(content: string): boolean {
  const pieces = unitPieces(content);
  return pieces.length > 0 && pieces.every((p) => isUnitName(p) && !NOTE.test(p) && (p.length >= 3 || p.startsWith('各')));
}

/** The pieces of a list of names, role words and qualifiers removed. */
export function unitPieces(content: string): string[] {
  return splitTopLevel(content.replace(ROLE_WORD, '、'), /[、，,；]/).map(bareName).filter(Boolean);
}

function labelRole(text: string): Role | null | undefined {
  const label = LABEL.exec(text)?.[1];
  if (!label) return undefined;
  return LABEL_ROLES.find((l) => l.label.test(label))?.role ?? (/(单位|部门|处室|科室)$/.test(label) ? 'responsible' : undefined);
}

// Brackets by character code, for the scans below: 1 opens, 2 closes. 〔〕 count here (units
// like 各县〔区〕 hold them) but do not open a clause, where they would be a document number.
const BRACKET = new Uint8Array(0x10000);
for (const ch of '（([［【〔') BRACKET[ch.charCodeAt(0)] = 1;
for (const ch of '）)]］】〕') BRACKET[ch.charCodeAt(0)] = 2;
const OPENS_CLAUSE = (code: number) => BRACKET[code] === 1 && code !== 0x3014;

/** Splits text on separators that stand outside every bracket. */
function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const bracket = BRACKET[text.charCodeAt(i)];
    if (bracket === 1) depth++;
    else if (bracket === 2) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(text[i]!)) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean);
}

// ---- names ----

/** Brackets inside names are written （）: 各县〔区〕人民政府 → 各县（区）人民政府. */
export function normaliseUnitName(name: string): string {
  return name.replace(/[〔[［【(]/g, '（').replace(/[〕\]］】)]/g, '）').replace(/\s+/g, '');
}

/** A note in brackets after a name is not part of it: （包括大亚湾开发区，下同）. */
const NAME_NOTE = /（[^（）]*(包括|下同|含|不含)[^（）]*）$/;

/** A piece of a clause as a unit name: normalised, its note, connectives and qualifiers gone. */
function bareName(piece: string): string {
  let name = normaliseUnitName(piece).replace(NAME_NOTE, '')
  const others = AND_OTHERS.exec(name);
  if (others && isUnitName(others[1]!)) name = others[1]!;
  name = name.replace(/^[、，,；和及与]+|[、，,；和及与。]+$/g, '');
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(QUALIFIERS, '');
  }
  return name;
}

/** A piece of a list is a unit by itself when it names a body: 市财政局, 各镇（街）, 市直各单位. */
export function isUnitName(name: string): boolean {
  const bare = name.replace(/（[^（）]*）$/, '');
  return bare.length >= 2 && (bare.startsWith('各') || UNIT_ENDING.test(bare));
}

/** Splits a run of unit names: on ，；, on 、 and 和 only where every piece is a unit itself. */
export function splitUnitNames(text: string, ownPlaceStems: string[] = []): string[] {
  const names: string[] = [];
  for (const group of splitTopLevel(joinCellParagraphs(text), /[，,；;]/)) {
    const listed = joinBareLevels(splitTopLevel(group, /[、]/).map(bareName).filter(Boolean));
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
  const parts = splitTopLevel(name, /[和及与]/).map(bareName);
  return parts.length > 1 && parts.every(isUnitName) ? parts : [name];
}

function distributePrefix(names: string[], ownPlaceStems: string[]): string[] {
  const prefix = LEVEL_PREFIX.exec(names[0]!)?.[0];
  if (!prefix) return names;
  return names.map((name, i) =>
    i === 0 || name.includes('、') || !isUnitName(name) || OWN_PLACE.test(name) || NOT_A_DEPARTMENT.test(name) || ownPlaceStems.some((stem) => name.includes(stem))
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
}

/** The units a clause names, with their roles. */
/** The units a clause names, for a column's role and the notice's place: read once for each. */
export const unitsOfClause = readOnce(
  (content: string, context: UnitContext) => `${context.defaultRole}:${context.ownPlaceStems.join('、')}:${content}`,
  readUnitsOfClause,
);

function readUnitsOfClause(content: string, context: UnitContext): Unit[] {
  const text = content.trim().replace(/[。]$/, '');
  const units: Unit[] = [];
  const add = (names: string, role: Role) => {
    for (const name of splitUnitNames(names, context.ownPlaceStems)) {
      if (NOTE.test(name)) continue;
      // 宣传处会办公室: 会 (with) joins a supporting unit to the responsible one.
      const joint = WITH_UNIT.exec(name);
      if (joint && isUnitName(joint[1]!) && isUnitName(joint[2]!)) {
        units.push({ name: joint[1]!, role }, { name: joint[2]!, role: 'support' });
      } else if (isUnitName(name) || name.length > 1) units.push({ name, role });
    }
  };
  if (labelRole(text) !== undefined) {
    for (const part of splitTopLevel(text, /[；;。]/)) {
      const role = labelRole(part);
      if (role) add(part.replace(LABEL, ''), role);
    }
    return dedupeUnits(units);
  }
  let pending: Role | null = null;
  let from = 0;
  for (const m of text.matchAll(ROLE_WORD)) {
    const before = text.slice(from, m.index);
    from = m.index + m[0].length;
    // 协同落实 after the units: the prefix word ends their phrase like a suffix word.
    const endsPhrase = m[1] && (ROLE_AFTER.test(text.slice(from)) || !text.slice(from).trim());
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
  const rest = text.slice(from);
  if (bareName(rest)) add(rest, pending ?? context.defaultRole);
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

/** Whether a clause opening at `open` follows a finished sentence (or nothing) since `from`. */
function afterSentence(text: string, from: number, open: number): boolean {
  let at = open - 1;
  while (at >= from && /\s/.test(text[at]!)) at--;
  return at < from || SENTENCE_END.has(text[at]!);
}

/**
 * Cuts a paragraph at its unit clauses: a top-level parenthesis naming units that ends the
 * paragraph, or that follows a finished sentence and is followed by more text.
 */
export function splitAtClauses(paragraph: string): ClauseSplit[] {
  return scanClauses(paragraph).splits;
}

/** The clause splits of a paragraph, and whether its brackets fail to pair up (one pass for both). */
export function scanClauses(paragraph: string): { splits: ClauseSplit[]; unbalanced: boolean } {
  const splits: ClauseSplit[] = [];
  // Every bracket counts for the balance, 〔〕 too; only （）-like ones open a clause.
  let balance = 0;
  let unbalanced = false;
  let depth = 0;
  let open = -1;
  let from = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    const bracket = BRACKET[code];
    if (bracket === 0) continue;
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
      if (!atEnd && !afterSentence(paragraph, from, open)) continue;
      const content = paragraph.slice(open + 1, i);
      if (!isUnitClause(content) && !(atEnd && isBareUnitList(content))) continue;
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
  const rest = paragraph.slice(from).trim();
  if (rest || splits.length === 0) splits.push({ text: rest, clause: null });
  return { splits, unbalanced: unbalanced || balance > 0 };
}

/**
 * A clause cut off (at the end of a file, or of a table cell) still opens as one: its first name
 * takes a role (市发展改革委牵头，市住建局等…), or its names so far are units (市政府办公室、市).
 */
export function opensAsClause(content: string): boolean {
  if (opensWithRole(content)) return true;
  const pieces = unitPieces(content);
  const whole = pieces.at(-1) !== undefined && pieces.at(-1)!.length < 3 ? pieces.slice(0, -1) : pieces;
  return whole.length > 0 && whole.every(isUnitName);
}
const LEADING_ROLE = /^([^，。、；]{2,24}?)(牵头|负责|主责)[，、；]/;

/** Whether a clause's first name takes a role and more follows: 市发展改革委牵头，市住建局等… */
export function opensWithRole(content: string): boolean {
  const opening = LEADING_ROLE.exec(content);
  return opening !== null && isUnitName(bareName(opening[1]!));
}

/** A line such as “责任单位：市财政局、市税务局” that is a clause on its own. */
export function isClauseLine(line: string): boolean {
  return labelRole(line) != null && line.length <= 300;
}
