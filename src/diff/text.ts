// Character measures for aligning tasks: ledgers are already simplified Chinese, so comparing their
// characters works across scripts and source formats. Words are segment.ts's business.

// White space and punctuation carry no meaning of their own and differ between formats.
const NOISE = /[\s\p{P}\p{S}]/gu;

/** The text with white space and punctuation removed: what similarity is measured on. */
export function compactText(text: string): string {
  return text.replace(NOISE, '');
}

/** The text on one line: each run of white space (a paragraph break too) as one space. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text as it is compared: no white space next to Chinese characters (a paragraph break in one
 * format is none in another), other runs of white space as one space.
 */
export function normaliseSpacing(text: string): string {
  return collapseSpace(text.replace(/\s*([^\x00-\x7f])\s*/gu, '$1'));
}

/** Character bigrams with their counts; a one-character text counts as its own bigram. */
export type Bigrams = Map<string, number>;

/** The character bigrams of a text in order, repeats included; a one-character text is its own bigram. */
export function bigramList(text: string): string[] {
  const characters = [...compactText(text)];
  if (characters.length === 1) return characters;
  const bigrams: string[] = [];
  let previous: string | undefined;
  for (const character of characters) {
    if (previous !== undefined) bigrams.push(previous + character);
    previous = character;
  }
  return bigrams;
}

export function bigramsOf(text: string): Bigrams {
  const bigrams: Bigrams = new Map();
  for (const bigram of bigramList(text)) bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1);
  return bigrams;
}

function sizeOf(bigrams: Bigrams): number {
  let size = 0;
  for (const count of bigrams.values()) size += count;
  return size;
}

/** Bigrams with their total count, so that a matrix of comparisons counts each text once. */
export interface Profile {
  bigrams: Bigrams;
  size: number;
}

export function profileOf(text: string): Profile {
  const bigrams = bigramsOf(text);
  return { bigrams, size: sizeOf(bigrams) };
}

/** Dice coefficient of two bigram multisets: 2·|shared| / (|a| + |b|), 0 for two empty texts. */
export function dice(a: Profile, b: Profile): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a.bigrams, b.bigrams] : [b.bigrams, a.bigrams];
  let shared = 0;
  for (const [bigram, count] of small) shared += Math.min(count, large.get(bigram) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/** Dice similarity of two texts. */
export function textSimilarity(a: string, b: string): number {
  return dice(profileOf(a), profileOf(b));
}
