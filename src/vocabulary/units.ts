// What names a unit and what a clause of units looks like (contract §3): role words, name
// endings, qualifiers and notes, and the recognisers built on them. The table stage asks them
// whether a cell holds units; the ledger reads the units and their roles (ledger/unit-clauses.ts).

import type { Role } from '../model.js';
import { FREQUENCY, limitPart, type ClauseLimit } from './deadlines.js';
import { LABEL, labelsLeaders, LIMIT_WORDS } from './columns.js';

// ---- data: the words of unit clauses (contract §3) ----

/** Labels of labelled clauses: （牵头单位：X；责任单位：Y）, a line “责任单位：X、Y”: the word of each role, and what may follow it. */
const LABEL_WORDS: { words: string[]; endings: string[]; role: Role }[] = [
  { words: ['牵头', '主办'], endings: ['单位', '部门', '处室', '科室'], role: 'lead' },
  { words: ['配合', '协办', '参与', '协同'], endings: ['单位', '部门', '处室', '科室', '责任单位'], role: 'support' },
  { words: ['责任', '负责', '承办', '实施', '主责', '主要责任'], endings: ['单位', '部门', '处室', '科室', '主体'], role: 'responsible' },
];
const LABEL_ROLES = LABEL_WORDS.map(({ words, endings, role }) => ({ label: new RegExp(`^(${words.join('|')})(${endings.join('|')})?$`), role }));
/** What ends a label of units whatever its word (其他单位：, 责任处室：): such a label names units responsible. */
export const UNIT_LABEL_ENDINGS = ['单位', '部门', '处室', '科室'];
const UNIT_LABEL = new RegExp(`(${UNIT_LABEL_ENDINGS.join('|')})$`);
const FULL_LABELS = LABEL_WORDS.flatMap(({ words, endings }) => words.flatMap((word) => endings.map((ending) => word + ending)))
  // The longest first: 配合责任单位 is one label, not 配合 and 责任单位.
  .sort((a, b) => b.length - a.length)
  .join('|');
/**
 * A role label further on in a line (牵头单位：, 配合部门：, 【配合单位】): labels run together when
 * their lines were joined (…增长6%左右。牵头单位：区发改局责任单位：区工信局), or stand in 【】 one after
 * another (【牵头单位】A【配合单位】B). Only the full labels, a role word and a unit ending: 负责：in a
 * sentence is not one.
 */
export const INLINE_LABEL = new RegExp(`(?:${FULL_LABELS})\\s*[：:]|[【［[](?:${FULL_LABELS})[】］\\]]\\s*[：:]?`, 'g');

/** A notice's own rule that the first unit of each clause leads: 第一责任单位为牵头单位, 排在首位的为牵头单位. */
export const FIRST_LEADS = /(第一|首位|第一位)[^。；，]{0,8}?(为|是)牵头(单位|部门)/;

/** Role words that follow the units they assign; the first of a run decides (牵头落实 → lead). */
export const SUFFIX_ROLES: Record<string, Role> = {
  牵头抓总: 'lead', 负总责: 'lead', 督促指导: 'lead', 为牵头单位: 'lead', 牵头: 'lead', 主办: 'lead', 统筹: 'lead', 指导: 'lead',
  为责任单位: 'responsible', 负责: 'responsible', 承办: 'responsible', 落实: 'responsible', 组织实施: 'responsible', 具体实施: 'responsible', 主责: 'responsible',
  为配合单位: 'support', 配合: 'support', 参与: 'support', 协办: 'support', 协助: 'support', 参加: 'support', 支持: 'support',
};
/** Role words that precede the units they assign: （A牵头，会同B落实）. */
export const PREFIX_ROLES: Record<string, Role> = { 会同: 'support', 协同: 'support' };
// A role word before 单位 or 部门 is part of a name: 各承办单位, 各牵头部门.
export const ROLE_WORD = new RegExp(`(${Object.keys(PREFIX_ROLES).join('|')})|(${Object.keys(SUFFIX_ROLES).join('|')})(?!单位|部门)`, 'g');
/** A role word in brackets after a name, the unit's own role: 县财政局（牵头）, 市住建局（牵头单位）. */
export const ROLE_MARK = new RegExp(`[（(](${Object.keys(SUFFIX_ROLES).filter((word) => word.length === 2).join('|')})(?:单位|部门)?[）)]`, 'g');
/** What a role word may take after it in a clause: 负责本辖区工作, 负责统筹协调 (not units). */
const ROLE_OBJECTS = ['本辖区工作', '本地区工作', '本辖区', '本地区', '本行业', '本系统', '本领域', '统筹协调', '协调推进', '督促指导', '具体实施', '组织实施', '统筹', '协调', '指导', '督导', '推进', '实施'];
export const ROLE_OBJECT = new RegExp(`^(${ROLE_OBJECTS.join('|')})$`);
// A run of role words ends a clause as its first does (配合落实): the names stand before the run.
const CLAUSE_ENDING = new RegExp(`(?:${Object.keys(SUFFIX_ROLES).join('|')})+(${ROLE_OBJECTS.join('|')})?$`);
export const ROLE_AFTER = new RegExp(`^(${Object.keys(SUFFIX_ROLES).join('|')})`);

/** Words around unit names that are not part of them. */
const QUALIFIERS = /^(由|请)|(按职责分工|按照职责分工|按职能分工|按照各自职责|按各自职责|按照职责|按职责|按职能|根据职责|按照属地管理原则|按照属地原则|按属地原则|按属地管理|属地|分别|各自|自行|共同|具体|等单位|等部门|等|负责落实|负责|落实|承办)+$/;
/** A name followed by 等 and what it stands for: 区商务局等数字经济工作领导小组成员单位 → 区商务局. */
const AND_OTHERS = /^(.{2,}?)等[^、，；]{0,24}$/;
/** Parts of a clause that are notes, not units: 以下均需各县市区落实，不再逐一列出. */
export const NOTE = /以下|不再|逐一|列出|下同|参照|均需|适用范围|按有关|规定执行/;

/** Endings of a unit's name: what makes a piece of a list a unit by itself. */
const UNIT_ENDING =
  /(局|委|办|厅|署|院|会|部|中心|政府|单位|部门|机构|机关|公司|集团|站|所|队|处|科|室|组|社|馆|校|行|园区|开发区|新区|办事处|镇|街|街道|乡|村|区|县|市|州|旗|盟|海关|总局|支队|大队|联社|协会|商会)$/;

/** Level prefixes that distribute over a 、-list: 市编办、人社局 → 市编办、市人社局. */
export const LEVEL_PREFIX = /^[市省县区](?!场|政(?:公用|工程|设施|园林)|域|级)/;
/**
 * Offices a ministry runs in each place, named after it (盐城气象局, 江门税务局): a name of a place
 * before one carries its own place, whatever the place.
 */
const VERTICAL_OFFICE = /^[\u4e00-\u9fff]{2,4}(气象局|税务局|调查队|海关|邮政管理局|烟草专卖局|地震局|消防救援支队|消防救援大队|海事局|银保监分局|金融监管分局|供电公司|供电局)$/;
/** A name that carries its own place or level takes no distributed prefix. */
const OWN_PLACE = /^(各|全|本|国家|国务院|中央|中共|驻)|^[省市县区镇乡](?!场|政(?:公用|工程|设施|园林)|域|级)|^[\u4e00-\u9fff]{1,4}[省市县区州旗](?!场|政(?:公用|工程|设施|园林)|域|级)/;
export const carriesOwnPlace = (name: string) => OWN_PLACE.test(name) || VERTICAL_OFFICE.test(name);
/** Bodies that are not a level's own departments: customs, companies, banks… keep their names. */
export const NOT_A_DEPARTMENT = /(海关|公司|集团|银行|分行|支行|大学|学院|医院|报社|电视台|机场|邮政|烟草|铁路|供电|电信|移动|联通)/;

// ---- clause recognition ----

/** Distinct clauses remembered before the memory starts over: a batch meets many. */
const CLAUSES_KEPT = 4096;

/**
 * A reading of clauses that reads each distinct one once: notices repeat their clauses
 * (各县（市、区）、市各有关部门负责落实) task after task, and a batch's notices each other's.
 */
export function readOnce<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      if (known.size >= CLAUSES_KEPT) known.clear();
      known.set(text, (value = read(text)));
    }
    return value;
  };
}

/** Whether the text inside a parenthesis (or a labelled line) names the units of a task. */
export const isUnitClause = readOnce(judgeClause);

function judgeClause(content: string): boolean {
  const text = clauseLimits(content).clause.trim().replace(/[。；，]$/, '');
  if (!text || text.length > 300 || text.includes('。')) return false;
  if (labelRole(text) !== undefined) return true;
  return CLAUSE_ENDING.test(text) && splitTopLevel(text.replace(ROLE_WORD, '、'), '、，；').some((piece) => isUnitName(bareName(piece)));
}

/**
 * A parenthesis of nothing but unit names closing a paragraph names its units without a role
 * word: …公开到位。（市财政局、各县区）. A piece must be more than a bare word like （部门）.
 */
export function isBareUnitList(content: string): boolean {
  // Piece by piece, up to the first that is no unit: most texts asked are sentences.
  let units = 0;
  for (const piece of listPieces(content)) {
    const name = bareName(piece);
    if (!name) continue;
    if (!isUnitName(name) || NOTE.test(name) || (name.length < 3 && !name.startsWith('各'))) return false;
    units++;
  }
  return units > 0;
}

const LIST_SEPARATORS = '、，,；';

/** The pieces of a list of names, role words taken for separators. */
const listPieces = (content: string) => splitTopLevel(content.replace(ROLE_WORD, '、'), LIST_SEPARATORS);

/** The pieces of a list of names, role words and qualifiers removed. */
export function unitPieces(content: string): string[] {
  return listPieces(content).map(bareName).filter(Boolean);
}

export function labelRole(text: string): Role | null | undefined {
  const label = LABEL.exec(text)?.[1];
  if (!label) return undefined;
  return LABEL_ROLES.find((l) => l.label.test(label))?.role ?? (UNIT_LABEL.test(label) ? 'responsible' : undefined);
}

// Brackets by character code, for the scans below: 1 opens, 2 closes. 〔〕 count here (units
// like 各县〔区〕 hold them) but do not open a clause, where they would be a document number.
const OPENING_BRACKETS = '（([［【〔';
const CLOSING_BRACKETS = '）)]］】〕';
export const BRACKET = new Uint8Array(0x10000);
for (const ch of OPENING_BRACKETS) BRACKET[ch.charCodeAt(0)] = 1;
for (const ch of CLOSING_BRACKETS) BRACKET[ch.charCodeAt(0)] = 2;
/** Any of them: a paragraph is searched for the next one rather than read a character at a time. */
export const ANY_BRACKET = new RegExp(`[${[...OPENING_BRACKETS, ...CLOSING_BRACKETS].map((ch) => `\\${ch}`).join('')}]`, 'g');
export const OPENS_CLAUSE = (code: number) => BRACKET[code] === 1 && code !== 0x3014;

/** A clause as read for its units and limits: out of brackets of its own, its limits apart. */
export const clauseParts = (content: string) => clauseLimits(withoutEnclosingBrackets(content.trim()));

/** A clause line set in brackets of its own ([牵头单位：X；配合单位：Y], 【责任单位：X】): what they hold. */
function withoutEnclosingBrackets(text: string): string {
  if (BRACKET[text.charCodeAt(0)] !== 1 || BRACKET[text.charCodeAt(text.length - 1)] !== 2) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const bracket = BRACKET[text.charCodeAt(i)];
    if (bracket === 1) depth++;
    else if (bracket === 2 && --depth === 0 && i < text.length - 1) return text;
  }
  return depth === 0 ? text.slice(1, -1) : text;
}

/** A bracketed note inside a part (各县区人民政府（包括高新区，下同）) does not make the part a note. */
const BRACKETED = /[（(][^（）()]*[)）]/g;

/** Where a clause's parts end: a time limit may stand as one of them. */
const CLAUSE_PARTS = '；;。，,';

/**
 * A clause's time limits — parts such as 完成时限：2023年6月底前 or 2023年底前完成 — and the clause
 * without them or its notes: （牵头单位：市司法局；完成时限：6月底前）, （市财政局负责，2023年底前完成）,
 * （市审计局负责，下同）.
 */
const clauseLimits = readOnce(splitClauseLimits);

/** A time-limit label further on in a clause (责任单位：市住建局　完成时限：年底前): it parts the clause as ；does. */
const INLINE_LIMIT_LABEL = new RegExp(`\\s*(${[...LIMIT_WORDS, '时间'].join('|')})\\s*[：:]`, 'g');

function splitClauseLimits(whole: string): { clause: string; limits: ClauseLimit[] } {
  const content = whole.replace(INLINE_LIMIT_LABEL, (label: string, word: string, at: number) => (at > 0 ? `；${word}：` : label));
  const limits: ClauseLimit[] = [];
  let clause = '';
  for (const { part, separator } of topLevelParts(content, CLAUSE_PARTS)) {
    // A note (下同, 各县区参照执行, 以下…不再列出) or how often (每季度更新) is neither a unit nor a limit: it goes.
    if (FREQUENCY.test(part.trim())) continue;
    const limit = limitPart(part);
    if (limit !== null) limits.push(limit);
    // A leader named among the units (牵头领导：张副市长；牵头单位：…) is a person: the part goes too.
    else if (!NOTE.test(part.replace(BRACKETED, '')) && !labelsLeaders(part)) clause += part + separator;
  }
  const trimmed = clause.replace(/[；;。，,\s]+$/, '');
  return trimmed === content.replace(/[；;。，,\s]+$/, '') ? { clause: whole, limits } : { clause: trimmed, limits };
}

/**
 * The parts of a text between separators (any character of `separators`) that stand outside every
 * bracket, each with the separator after it ('' for the last). Read by character code: a string
 * made of each character, and a test of it, cost more than the rest of a clause's reading.
 */
function topLevelParts(text: string, separators: string): { part: string; separator: string }[] {
  const codes = Array.from(separators, (ch) => ch.charCodeAt(0));
  const parts: { part: string; separator: string }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const bracket = BRACKET[code];
    if (bracket === 1) depth++;
    else if (bracket === 2) depth = Math.max(0, depth - 1);
    else if (depth === 0 && codes.includes(code)) {
      parts.push({ part: text.slice(from, i), separator: text[i]! });
      from = i + 1;
    }
  }
  parts.push({ part: text.slice(from), separator: '' });
  return parts;
}

/** Splits text on separators (any character of `separators`) that stand outside every bracket. */
export function splitTopLevel(text: string, separators: string): string[] {
  return topLevelParts(text, separators)
    .map(({ part }) => part.trim())
    .filter(Boolean);
}

// ---- names ----

/** Brackets inside names are written （）: 各县〔区〕人民政府 → 各县（区）人民政府. */
export function normaliseUnitName(name: string): string {
  return name.replace(/[〔[［【(]/g, '（').replace(/[〕\]］】)]/g, '）').replace(/\s+/g, '');
}

/** A note in brackets after a name is not part of it: （包括大亚湾开发区，下同）. */
const NAME_NOTE = /（[^（）]*(包括|下同|含|不含)[^（）]*）$/;

/** A piece of a clause as a unit name: normalised, its note, connectives and qualifiers gone. */
export function bareName(piece: string): string {
  let name = normaliseUnitName(piece).replace(NAME_NOTE, '');
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
  const bare = withoutNote(name);
  return bare.length >= 2 && (bare.startsWith('各') || UNIT_ENDING.test(bare));
}

/** A name without the note in brackets at its end: 各镇（街） → 各镇. */
const withoutNote = (name: string) => name.replace(/（[^（）]*）$/, '');

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

/**
 * A line that is a clause on its own: labelled (“责任单位：市财政局、市税务局”), or units and roles
 * without brackets (“市发改委牵头落实”, “由县财政局负责，6月底前完成。”).
 */
export function isClauseLine(line: string): boolean {
  return line.length <= 300 && (labelRole(line) != null || (line.length <= BARE_CLAUSE_LINE_MAX && isBareClauseLine(line)));
}

/** A line of units and roles without brackets: asked of each paragraph several times (as it, and as the next one), read once. */
const isBareClauseLine = readOnce((line) => bareClauseStart(line) === 0);

// ---- clauses without brackets ----

/** A part of a clause without brackets is short: a few names and a role. */
const ROLE_PART_MAX = 80;
/** A line that is nothing but such a clause is short too. */
const BARE_CLAUSE_LINE_MAX = 120;

/**
 * A part of a sentence that names units and their role and nothing else: 由县司法局牵头,
 * 县政府办配合, 各乡镇、县直各部门按职责分工负责. Stricter than a clause in brackets: every name
 * ends as a body's name does (各地各部门要加强统筹 is a sentence, not a clause).
 */
function isRolePart(part: string): boolean {
  const text = part.trim();
  if (!text || text.length > ROLE_PART_MAX) return false;
  const role = CLAUSE_ENDING.exec(text);
  if (role === null) return false;
  // What stands right before the role ends as a name or a qualifier does (确保工作落实 is a sentence):
  // a quick look before the names are read.
  const before = text.slice(Math.max(0, role.index - 8), role.index).replace(/（[^（）]*）$/, '');
  if (!UNIT_ENDING.test(before) && !QUALIFIERS.test(before)) return false;
  const names = unitPieces(text);
  // A name holds no colon (注：第一责任单位为牵头单位 is a note on the roles), and the public is no body (全社会参与).
  return names.length > 0 && names.every((name) => !NOTE.test(name) && !/[：:]|社会$/.test(name) && UNIT_ENDING.test(withoutNote(name)));
}

/** What may close a paragraph after its clause: stops and white space, by character code. */
const CLOSING_STOPS = Array.from('。；; \t\u3000', (ch) => ch.charCodeAt(0));
/** CLAUSE_PARTS by character code. */
const PARTS_END = new Uint8Array(0x10000);
for (const separator of CLAUSE_PARTS) PARTS_END[separator.charCodeAt(0)] = 1;

/**
 * Where the part of a text that ends at `end` starts: after the last separator outside brackets
 * before it (or at `from`); -1 when it is longer than `longest`.
 */
function partStart(text: string, from: number, end: number, longest = ROLE_PART_MAX): number {
  let depth = 0;
  for (let i = end - 1; i >= from; i--) {
    if (end - i > longest) return -1;
    const code = text.charCodeAt(i);
    const bracket = BRACKET[code];
    if (bracket === 2) depth++;
    else if (bracket === 1) depth = Math.max(0, depth - 1);
    else if (depth === 0 && PARTS_END[code] === 1) return i + 1;
  }
  return from;
}

/** The characters a role word, or what it takes, ends with (牵头, 负责落实, 负责统筹协调): a part ending otherwise has no role. */
const ROLE_ENDS = new Set([...Object.keys(SUFFIX_ROLES), ...ROLE_OBJECTS].map((word) => word.charCodeAt(word.length - 1)));
/** The longest role word with what it takes (组织实施, 为牵头单位, 负责统筹协调): all CLAUSE_ENDING looks at. */
const ROLE_ENDING_MAX = Math.max(...Object.keys(SUFFIX_ROLES).map((word) => word.length)) + Math.max(...ROLE_OBJECTS.map((word) => word.length));
/** A time limit after the last role (…负责，12月底前完成) is as short as a 时限 cell. */
const LIMIT_AFTER_ROLE_MAX = 40;

/**
 * Whether the last part before `end`, or the one before a short last part (a time limit), ends
 * with a role word: a quick look, at a few characters of most paragraphs, before the parts are read.
 */
function roleNearEnd(text: string, from: number, end: number): boolean {
  const endsWithRole = (at: number) => ROLE_ENDS.has(text.charCodeAt(at - 1)) && CLAUSE_ENDING.test(text.slice(Math.max(from, at - ROLE_ENDING_MAX), at));
  if (endsWithRole(end)) return true;
  const limitStart = partStart(text, from, end, LIMIT_AFTER_ROLE_MAX);
  return limitStart > from && endsWithRole(limitStart - 1);
}

/**
 * Where the clause without brackets that closes a paragraph starts (from `from` on), or -1: its
 * last parts name units with their roles, and time limits, and nothing else — …预公开，由县司法局
 * 牵头，县政府办配合。 / …管理，县政府办负责，12月底前完成。 / …公开。县财政局负责。 A clause
 * needs a part with a role: a limit alone is the sentence's. Read part by part from the end: most
 * paragraphs stop at their last.
 */
export function bareClauseStart(text: string, from = 0): number {
  let end = text.length;
  while (end > from && CLOSING_STOPS.includes(text.charCodeAt(end - 1))) end--;
  if (!roleNearEnd(text, from, end)) return -1;
  let start = -1;
  let roles = 0;
  while (end > from) {
    const begins = partStart(text, from, end);
    if (begins < 0) break;
    const part = text.slice(begins, end);
    if (isRolePart(part)) roles++;
    else if (limitPart(part) === null) break;
    start = begins;
    end = begins - 1;
  }
  return roles > 0 ? start : -1;
}
