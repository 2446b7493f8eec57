import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compactText } from './text.js';

type Jieba = import('@node-rs/jieba').Jieba;

let jieba: Jieba | undefined;

// jieba (@node-rs/jieba: jieba-rs, prebuilt for each platform, nothing compiled on install) and
// its dictionary take a fifth of a second to load: only a diff needs them, and only once.
function segmenter(): Jieba {
  if (jieba === undefined) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  }
  return jieba;
}

// A word carries meaning of its own from two characters on; single characters (的, 和, 各) are
// glue, and what a single character means is left to the bigram signal.
const MIN_TERM_LENGTH = 2;
const HAS_MEANING = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * The distinct words of a text, punctuation left out: jieba's search mode, which gives a compound
 * and its parts (政府网站, 政府, 网站), so that a task naming the whole matches one naming a part.
 */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  if (compactText(text) === '') return terms;
  for (const word of segmenter().cutForSearch(text, true)) {
    const term = word.trim();
    if ([...term].length >= MIN_TERM_LENGTH && HAS_MEANING.test(term)) terms.add(term);
  }
  return terms;
}
