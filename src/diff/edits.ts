import { diffChars } from 'diff';
import { collapseSpace, normaliseSpacing } from './text.js';

/** A run of text kept, deleted from the old text, or inserted into the new one. */
export interface TextEdit {
  op: 'same' | 'del' | 'ins';
  text: string;
}

// A single character in common between two edits (的, 和, a comma) is chance, not a kept word:
// showing it would cut one rewording into confetti.
const MIN_KEPT_RUN = 2;

/**
 * The character-level edits that turn the old text into the new one, each changed stretch as one
 * deletion followed by one insertion.
 */
export function textEdits(oldText: string, newText: string): TextEdit[] {
  const parts = diffChars(collapseSpace(oldText), collapseSpace(newText));
  const edits: TextEdit[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    // A paragraph break in one text and none in the other is layout, not an edit (see normaliseSpacing).
    if (normaliseSpacing(deleted) === normaliseSpacing(inserted)) {
      if (deleted || inserted) edits.push({ op: 'same', text: inserted || deleted });
    } else {
      if (deleted) edits.push({ op: 'del', text: deleted });
      if (inserted) edits.push({ op: 'ins', text: inserted });
    }
    deleted = inserted = '';
  };
  parts.forEach((part, index) => {
    if (part.removed) deleted += part.value;
    else if (part.added) inserted += part.value;
    else if ([...part.value].length < MIN_KEPT_RUN && index > 0 && index < parts.length - 1) {
      deleted += part.value;
      inserted += part.value;
    } else {
      flush();
      edits.push({ op: 'same', text: part.value });
    }
  });
  flush();
  return edits;
}
