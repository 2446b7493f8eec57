import { join } from 'node:path';

/** Real government pages as crawled: each in a folder of its own name, beside its expected ledger. */
export const REAL_PAGES = 'fixtures/html/realworld';

/** Where a real page is, by its file name (01-….html). */
export function realPage(file: string): string {
  return join(REAL_PAGES, file.replace(/\.html$/, ''), file);
}
