import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { Ledger, Task } from '../model.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A ledger fit to store: tasks an array of objects with a string id and text (a ledger .json may
 * come from anywhere). The optional fields a hand-made ledger leaves out are filled in.
 */
export function checkedLedger(ledger: Ledger, file: string): Ledger {
  const tasks: unknown = ledger.tasks;
  if (!Array.isArray(tasks)) throw new InputError(`${file}: tasks must be an array`);
  const bad = tasks.findIndex((task) => !isObject(task) || typeof task.id !== 'string' || typeof task.text !== 'string');
  if (bad !== -1) throw new InputError(`${file}: task ${bad + 1} needs a string id and text`);
  const meta = isObject(ledger.meta) ? ledger.meta : {};
  return {
    ...ledger,
    source: isObject(ledger.source) ? ledger.source : { name: basename(file), format: 'text', encoding: 'utf-8', script: 'simplified' },
    meta: { title: null, noticeTitle: null, issuer: null, docNumber: null, date: null, year: null, region: null, recipients: [], ...meta },
    sections: Array.isArray(ledger.sections) ? ledger.sections : [],
    tasks: (tasks as Partial<Task>[]).map((task, index) => ({
      seq: index + 1,
      path: [],
      title: null,
      line: null,
      ...task,
      units: Array.isArray(task.units) ? task.units.filter((unit) => typeof unit?.name === 'string') : [],
      deadlines: Array.isArray(task.deadlines) ? task.deadlines.filter((deadline) => typeof deadline?.text === 'string') : [],
    })) as Task[],
  };
}
