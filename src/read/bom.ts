// Byte order marks: the one thing that settles an encoding before anything else.

export const UTF8_BOM: readonly number[] = [0xef, 0xbb, 0xbf];

/** The marks of the encodings a web page may be in. */
export const BYTE_ORDER_MARKS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: UTF8_BOM, encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Whether the bytes begin with these. */
export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

export function bomLabel(bytes: Uint8Array): string | null {
  return BYTE_ORDER_MARKS.find((mark) => startsWith(bytes, mark.bytes))?.encoding ?? null;
}
