// File signatures: the bytes a file of each kind starts with. The format is judged by them
// (read/format.ts); the text decoder names them when a file that is no text reaches it.

export const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** The Compound File Binary container of Word 97–2003, .wps and .xls files. */
export const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const PDF = '%PDF-';

/** Files people mistake for notices: what each is, and what to do instead where there is something. */
export const NOT_NOTICES: readonly { magic: readonly number[]; kind: string; advice?: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { magic: [0x1f, 0x8b], kind: 'a gzip archive' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF file', advice: 'save it as .docx' },
];

/** What a file of these kinds is, in a message: “a PNG image, not a document”. */
export const notANotice = ({ kind, advice }: (typeof NOT_NOTICES)[number]): string => (advice ? `${kind}; ${advice}` : `${kind}, not a document`);
