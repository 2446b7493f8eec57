// Every limit taizhang keeps to, in one place: what any input may cost, so that no input (a
// device, an endless download, a zip bomb, a page nested 200,000 deep) runs without bound.
// docs/limits.md explains each one.

const MB = 1024 * 1024;

/**
 * The largest input read, in bytes: a file, standard input, a device or a download (after
 * decompression). `--max-input SIZE` raises or lowers it.
 */
export const DEFAULT_MAX_INPUT_BYTES = 64 * MB;

/** The most a Word file may unpack to, all of its parts together (zip bombs declare gigabytes). */
export const MAX_DOCX_UNPACKED_BYTES = 256 * MB;

/** Deeper HTML nesting is flattened: parsers and tree walks slow down with depth, no page needs it. */
export const MAX_HTML_DEPTH = 512;

/**
 * A page with more elements is refused: each costs a DOM node of some hundred bytes and a visit
 * in every step (a 20,000-row task table has 100,000; `<br>` × 2,000,000 would take gigabytes).
 */
export const MAX_HTML_ELEMENTS = 250_000;

/** A longer HTML tag loses its attributes (one tag with 500,000 attributes took minutes to parse). */
export const MAX_HTML_TAG_BYTES = 16 * 1024;

/** The most threads a batch runs on: one per core, whatever `--threads` asks for. */
export { availableParallelism as maxThreads } from 'node:os';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: MB, mb: MB, g: 1024 * MB, gb: 1024 * MB };

/** A size as a user writes it: `100MB`, `1g`, `500k`, `2048` (bytes); undefined when it is none. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match && UNITS[match[2]!.toLowerCase()];
  if (!match || unit === undefined || unit === null) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

/** A size for messages: `64 MB`. */
export function formatSize(bytes: number): string {
  return bytes >= MB && bytes % MB === 0 ? `${bytes / MB} MB` : bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

/** The limit in force: the default, or the one --max-input set for this process. */
let maxInputBytes = DEFAULT_MAX_INPUT_BYTES;

export function setMaxInputBytes(bytes: number): void {
  maxInputBytes = bytes;
}

export function getMaxInputBytes(): number {
  return maxInputBytes;
}
