import { compactText, textSimilarity } from './text.js';

// Section titles get reworded from year to year (做好财政信息公开 → 加强财政信息公开, 0.71) while
// sibling sections share their stock words (推进重大建设项目信息公开 / 推进公共资源配置信息公开, 0.36).
const SAME_TITLE = 0.6;

function sameTitle(a: string, b: string): boolean {
  return compactText(a) === compactText(b) || textSimilarity(a, b) >= SAME_TITLE;
}

/**
 * Whether two section paths name the same place. Titles are compared, not ids, since numbering
 * changes; level by level, since siblings share their parent's words.
 */
export function sameSection(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((title, level) => {
    const other = b[level];
    return other !== undefined && sameTitle(title, other);
  });
}
