// How sentences end, for the stages that must tell a finished line or clause from a broken one.

/** Marks that end a sentence. */
export const SENTENCE_STOPS = '。！？';
/** Marks after which a line may stop: the end of a list item (；) or of a lead-in (：). */
export const CLAUSE_STOPS = '；：';
/** Closing quotes and brackets: a line that ends with one ended what it opened. */
export const CLOSERS = '”’）)」』】';
/** A paragraph (or a table cell) never ends on a comma: a line that does goes on in the next. */
export const MID_SENTENCE = /[，、]$/;
