// The shape check of a ledger read from a .json file: what the diff relies on, checked before it
// is relied on, so that a crafted or damaged file is one clear message and not a crash further on.
import type { Ledger } from '../model.js';

const ROLES = ['lead', 'responsible', 'support'];
const SCRIPTS = ['simplified', 'traditional', 'mixed'];

type Check = (value: unknown, at: string) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, at) => (typeof value === 'string' ? undefined : `${at} must be a string`);
const integer: Check = (value, at) => (Number.isInteger(value) ? undefined : `${at} must be a whole number`);
const orNull =
  (check: Check): Check =>
  (value, at) =>
    value === null ? undefined : check(value, at);
const oneOf =
  (choices: readonly string[]): Check =>
  (value, at) =>
    choices.includes(value as string) ? undefined : `${at} must be one of ${choices.join(', ')}`;

function listOf(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} must be a list`;
    for (const [index, item] of value.entries()) {
      const problem = check(item, `${at}[${index}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

function objectOf(fields: Record<string, Check>): Check {
  return (value, at) => {
    if (!isObject(value)) return `${at} must be an object`;
    for (const [field, check] of Object.entries(fields)) {
      const problem = check(value[field], `${at}.${field}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

const ledgerShape = objectOf({
  source: objectOf({ name: string, script: oneOf(SCRIPTS) }),
  meta: objectOf({ title: orNull(string), noticeTitle: orNull(string), year: orNull(integer), region: orNull(string) }),
  tasks: listOf(
    objectOf({
      id: string,
      seq: integer,
      path: listOf(string),
      title: orNull(string),
      text: string,
      units: listOf(objectOf({ name: string, role: oneOf(ROLES) })),
      deadlines: listOf(objectOf({ text: string, date: orNull(string) })),
    }),
  ),
});

/** The first problem with a document that should be a taizhang/1 ledger, or undefined when there is none. */
export function ledgerProblem(document: unknown): string | undefined {
  if (!isObject(document) || document['schema'] !== 'taizhang/1') return 'not a taizhang/1 ledger (no "schema": "taizhang/1")';
  const problem = ledgerShape(document, 'ledger');
  if (problem !== undefined) return `not a valid taizhang/1 ledger: ${problem}`;
  const ids = new Set<string>();
  for (const task of document['tasks'] as { id: string }[]) {
    if (ids.has(task.id)) return `not a valid taizhang/1 ledger: task id ${task.id} is there twice`;
    ids.add(task.id);
  }
  return undefined;
}

/** A ledger from the text of a .json file (a byte-order mark is fine), or the first problem with it. */
export function parseLedgerJson(text: string): Ledger | string {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  return ledgerProblem(document) ?? (document as Ledger);
}
