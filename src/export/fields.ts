// Task and ledger fields as every human-readable format shows them.
import type { Ledger, Role, Task } from '../model.js';

export const ROLES: readonly Role[] = ['lead', 'responsible', 'support'];
export const ROLE_LABELS: Record<Role, string> = { lead: '牵头', responsible: '负责', support: '配合' };

export function unitNames(task: Task, role: Role): string[] {
  return task.units.filter((unit) => unit.role === role).map((unit) => unit.name);
}

/** The ISO dates of the task's deadlines that have one. */
export function deadlineDates(task: Task): string[] {
  return task.deadlines.flatMap((deadline) => (deadline.date === null ? [] : [deadline.date]));
}

/** The best name the ledger has for itself. */
export function ledgerTitle(ledger: Pick<Ledger, 'meta' | 'source'>): string {
  return ledger.meta.title ?? ledger.meta.noticeTitle ?? ledger.source.name;
}

