import { createRequire } from 'node:module';
import { compactText } from './text.js';

type Jieba = typeof import('jieba-wasm');

let jieba: Jieba | undefined;

// jieba's dictionary takes about a quarter of a second to load: only a diff needs it, and only once.
function segmenter(): Jieba {
  jieba ??= createRequire(import.meta.url)('jieba-wasm') as Jieba;
  return jieba;
}

// A word carries meaning of its own from two characters on; single characters (的, 和, 各) are
// glue, and what a single character means is left to the bigram signal.
const MIN_TERM_LENGTH = 2;
const HAS_MEANING = /[\p{Script=Han}\p{L}\p{N}]/u;

/** The distinct words of a text (jieba, with its model of unknown words), punctuation left out. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  if (compactText(text) === '') return terms;
  for (const word of segmenter().cut_for_search(text, true)) {
    const term = word.trim();
    if ([...term].length >= MIN_TERM_LENGTH && HAS_MEANING.test(term)) terms.add(term);
  }
  return terms;
}
