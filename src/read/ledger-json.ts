// A ledger read back from JSON (`parse --format json`, a gold file): checked against the
// taizhang/1 shape (docs/ledger.md) before anything uses it, so that a damaged, truncated or
// hand-edited file is one line naming its first problem, not a crash deep inside a command.

import { InputError } from '../errors.js';
import type { Ledger, Meta } from '../model.js';
import { UTF8_BOM, startsWith } from './bom.js';
import type { ReadOptions } from './index.js';

/** Whether an input is a ledger by its name. */
export const isLedgerJsonName = (name: string): boolean => /\.json$/i.test(name.replace(/[?#].*$/, ''));

type Check = (value: unknown, at: string) => string | null;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 40);

const expected = (what: string, value: unknown, at: string) => `${at}: expected ${what}, found ${describe(value)}`;

const string: Check = (value, at) => (typeof value === 'string' ? null : expected('a string', value, at));
const integer: Check = (value, at) => (Number.isInteger(value) ? null : expected('a whole number', value, at));
const orNull = (check: Check): Check => (value, at) => (value === null ? null : check(value, at));
const oneOf = (...choices: string[]): Check => (value, at) =>
  typeof value === 'string' && choices.includes(value) ? null : expected(choices.join(' or '), value, at);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with these fields; a field marked optional may be missing, not wrong. */
function object(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return (value, at) => {
    if (!isObject(value)) return expected('an object', value, at);
    for (const [key, check] of Object.entries(fields)) {
      if (!(key in value)) {
        if (optional.includes(key)) continue;
        return `${at}: "${key}" is missing`;
      }
      const problem = check(value[key], `${at}.${key}`);
      if (problem !== null) return problem;
    }
    return null;
  };
}

function array(item: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return expected('an array', value, at);
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${at}[${i}]`);
      if (problem !== null) return problem;
    }
    return null;
  };
}

const SECTION_FIELDS = object({ id: string, marker: string, title: string, children: (value, at) => (Array.isArray(value) ? null : expected('an array', value, at)) });

/** Sections nest: checked with a stack of their own, so that no depth overflows the call stack. */
const sections: Check = (value, at) => {
  if (!Array.isArray(value)) return expected('an array', value, at);
  const pending: [unknown, string][] = value.map((section, i) => [section, `${at}[${i}]`]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [section, where] = next;
    const problem = SECTION_FIELDS(section, where);
    if (problem !== null) return problem;
    (section as { children: unknown[] }).children.forEach((child, i) => pending.push([child, `${where}.children[${i}]`]));
  }
  return null;
};

const LEDGER = object(
  {
    schema: (value, at) => (value === 'taizhang/1' ? null : expected('"taizhang/1"', value, at)),
    source: object({ name: string, format: string, encoding: string, script: string }),
    // Gold files may leave out meta fields they do not score.
    meta: object(
      {
        title: orNull(string),
        noticeTitle: orNull(string),
        issuer: orNull(string),
        docNumber: orNull(string),
        date: orNull(string),
        year: orNull(integer),
        region: orNull(string),
        recipients: array(string),
      },
      ['title', 'noticeTitle', 'issuer', 'docNumber', 'date', 'year', 'region', 'recipients'],
    ),
    sections,
    tasks: array(
      object({
        id: string,
        seq: integer,
        path: array(string),
        title: orNull(string),
        text: string,
        units: array(object({ name: string, role: oneOf('lead', 'responsible', 'support') })),
        deadlines: array(object({ text: string, date: orNull(string) })),
        line: orNull(integer),
      }),
    ),
    warnings: array(object({ code: string, message: string, line: orNull(integer) })),
    dropped: array(object({ line: integer, text: string, reason: string })),
    lines: array(
      object({ line: integer, fate: oneOf('preamble', 'heading', 'task', 'dropped'), id: string, reason: string, text: string }, ['id', 'reason']),
    ),
  },
  // Gold files are written by hand: no sections or warnings to compare.
  ['sections', 'warnings', 'dropped', 'lines'],
);

/** Keys that would reach an object's prototype if the ledger were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The ledger in a .json input: UTF-8 JSON (a BOM is fine) of the taizhang/1 shape. Throws InputError naming the first problem. */
export function readLedgerJson(bytes: Uint8Array): Ledger {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new InputError('not a taizhang/1 ledger: not UTF-8 text');
  }
  let document: unknown;
  try {
    document = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new InputError(`not a taizhang/1 ledger: a key named "${key}"`);
      return value;
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`not valid JSON: ${(error as Error).message}`);
  }
  const problem = LEDGER(document, 'ledger');
  if (problem !== null) throw new InputError(`not a taizhang/1 ledger: ${problem}`);
  const ledger = document as Ledger;
  // Commands key tasks by id (the diff pairs them, track stores them): each must be one task's.
  const ids = new Set<string>();
  for (const [index, task] of ledger.tasks.entries()) {
    if (ids.has(task.id)) throw new InputError(`not a taizhang/1 ledger: ledger.tasks[${index}].id: "${task.id}" is there twice`);
    ids.add(task.id);
  }
  // What a hand-made (gold) ledger may leave out, filled in, so that every command reads one shape.
  const given: Partial<Meta> = ledger.meta;
  const meta: Meta = { title: null, noticeTitle: null, issuer: null, docNumber: null, date: null, year: null, region: null, recipients: [], ...given };
  return { ...ledger, meta, sections: ledger.sections ?? [], warnings: ledger.warnings ?? [] };
}

/** The pipeline, imported on the first notice (a batch asks once per input: the promise is kept). */
let pipeline: Promise<typeof import('../pipeline.js')> | undefined;

/** An input's ledger: read as it is when the input is a ledger (.json), else parsed from the notice. */
export async function ledgerOfInput(bytes: Uint8Array, options: ReadOptions): Promise<Ledger> {
  if (isLedgerJsonName(options.name)) return readLedgerJson(bytes);
  const { parseBytes } = await (pipeline ??= import('../pipeline.js'));
  return parseBytes(bytes, options);
}
