import type { Deadline, Role, Task } from '../model.js';
import type { Signals } from './signals.js';

/** What happened to a task between the two years; a pair can have several. */
export const CHANGE_KINDS = ['added', 'removed', 'changed', 'unchanged', 'moved', 'units', 'deadlines', 'split', 'merged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A unit of one role that is new, gone, or the same unit under a new name. */
export type UnitChange =
  | { role: Role; change: 'added' | 'dropped'; name: string }
  | { role: Role; change: 'renamed'; name: string; from: string };

/** Why a pair counts as moved. */
export type Move = 'section' | 'order';

/** One task of the old year and what became of it in the new one, or a task new this year. */
export interface TaskPair {
  old: Task | null;
  new: Task | null;
  /** The combined similarity of the two tasks (see signals.ts), 0 for an added or removed task. */
  similarity: number;
  /** The measures the similarity combines, for a pair of two tasks. */
  signals?: Signals;
  /**
   * `added`, `removed`, or what changed between the two tasks; `split` is a new task that is part of
   * an old task paired with another, `merged` an old task that went into a new task paired with another.
   */
  kinds: ChangeKind[];
  /** For a removed task: the new task most like it, under the threshold or paired with another. */
  nearest?: { task: Task; similarity: number };
  /** Set when kinds has `moved`. */
  move?: Move;
  /** Set when kinds has `units`. */
  units?: UnitChange[];
  /** Set when kinds has `deadlines`. */
  deadlines?: { old: Deadline[]; new: Deadline[] };
}

export type KindCounts = Record<ChangeKind, number>;

export interface SectionCounts {
  /** The top-level section title the pair sits under (the new one's, else the old one's); '' for none. */
  title: string;
  /** Which year's notice the section is of: the new one's, or the old one's for a removed task. */
  side: 'old' | 'new';
  year: number | null;
  counts: KindCounts;
}

/** One of the two ledgers, as the report names it. */
export interface DiffSide {
  name: string;
  title: string;
  year: number | null;
  tasks: number;
}

export interface DiffReport {
  old: DiffSide;
  new: DiffSide;
  threshold: number;
  /** In the new year's order; a removed task follows the pair of the old task before it. */
  pairs: TaskPair[];
  counts: KindCounts;
  sections: SectionCounts[];
}
