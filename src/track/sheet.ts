// The sheet a unit fills in and sends back: what sheet-out writes and sheet-in reads.

/** The columns, in order; 计划 only when the sheet spans several plans; the key column is hidden. */
export const SHEET_COLUMNS = {
  plan: '计划',
  number: '编号',
  task: '工作任务',
  lead: '牵头单位',
  responsible: '责任单位',
  support: '配合单位',
  deadline: '完成时限',
  person: '责任人',
  status: '完成情况',
  progress: '进展情况',
  evidence: '佐证材料',
  note: '备注',
  key: '台账键',
} as const;

export type SheetColumn = keyof typeof SHEET_COLUMNS;

/** The columns a unit fills in: a row with any of them filled is a progress entry. */
export const FILLED_COLUMNS = ['person', 'status', 'progress', 'evidence', 'note'] as const;

/** The row above the header names the plan and the unit, so that a sheet without keys still tells. */
export function titleRow(plan: string | null, unit: string): string {
  return `${plan === null ? '' : `${plan} `}工作台账 · 填报单位：${unit}`;
}

export function readTitleRow(text: string): { plan: string | null; unit: string } | null {
  const match = /^(?:(.+?)\s*)?工作台账\s*·\s*填报单位[:：]\s*(.+?)\s*$/.exec(text);
  return match === null ? null : { plan: match[1] ?? null, unit: match[2]! };
}

/** The key of a row: the plan, the task's row and the unit, so that a row finds its way back. */
export function rowKey(planUid: string, taskRowId: number, unit: string): string {
  return `tz1:${planUid}:${taskRowId}:${unit}`;
}

export function readRowKey(text: string): { planUid: string; taskRowId: number; unit: string } | null {
  const match = /^tz1:([0-9a-f]+):(\d+):(.+)$/.exec(text.trim());
  return match === null ? null : { planUid: match[1]!, taskRowId: Number(match[2]), unit: match[3]! };
}
