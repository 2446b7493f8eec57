import type { Task } from '../model.js';
import { maxWeightAssignment } from './assignment.js';
import { sameSection } from './sections.js';
import { dice, profileOf } from './text.js';

// Tie-breakers: small enough that they only decide between candidates of near-equal similarity.
const SAME_SECTION_BONUS = 0.02;
const POSITION_BONUS = 0.01;

/** A task of the old ledger matched with one of the new, by their indices in the task lists. */
export interface Match {
  old: number;
  new: number;
  similarity: number;
}

/** Where a task sits in its list, from 0 (first) to 1 (last). */
function relativePosition(index: number, length: number): number {
  return length === 1 ? 0.5 : index / (length - 1);
}

/**
 * Matches the tasks one to one by meaning: the assignment of the largest total similarity
 * (not greedy first match), over the pairs at or above the threshold. Returned in old order.
 */
export function alignTasks(oldTasks: readonly Task[], newTasks: readonly Task[], threshold: number): Match[] {
  const oldProfiles = oldTasks.map((task) => profileOf(task.text));
  const newProfiles = newTasks.map((task) => profileOf(task.text));
  const similarity = oldProfiles.map((oldProfile) => newProfiles.map((newProfile) => dice(oldProfile, newProfile)));
  const sectionBonus = new Map<string, number>();
  const bonusOfSections = (oldTask: Task, newTask: Task): number => {
    const key = JSON.stringify([oldTask.path, newTask.path]);
    let bonus = sectionBonus.get(key);
    if (bonus === undefined) {
      bonus = sameSection(oldTask.path, newTask.path) ? SAME_SECTION_BONUS : 0;
      sectionBonus.set(key, bonus);
    }
    return bonus;
  };
  const weights = oldTasks.map((oldTask, i) =>
    newTasks.map((newTask, j) => {
      if (similarity[i]![j]! < threshold) return 0;
      const distance = Math.abs(relativePosition(i, oldTasks.length) - relativePosition(j, newTasks.length));
      return similarity[i]![j]! + bonusOfSections(oldTask, newTask) + POSITION_BONUS * (1 - distance);
    }),
  );
  return maxWeightAssignment(weights).flatMap((j, i) =>
    j !== -1 && weights[i]![j]! > 0 ? [{ old: i, new: j, similarity: similarity[i]![j]! }] : [],
  );
}
