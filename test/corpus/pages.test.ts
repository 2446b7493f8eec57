import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/export/json.js';
import { ledgerOfInput } from '../../src/read/ledger-json.js';
import { REAL_PAGES, realPage } from '../support/pages.js';

// Each real page's whole ledger against the one expected, as Readability keeps its test pages: a
// folder per page in fixtures/html/realworld, with the page as crawled (<page>.html) and its
// ledger as reviewed (expected.json). A change meant to alter what a page gives is accepted by
// regenerating the expectation (node test/corpus/regenerate-pages.mjs [page…]) and reading the diff.
// realworld.test.ts pins what is right in them and says what is still wrong.
const pages = readdirSync(REAL_PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('real pages against their expected ledgers', () => {
  it('has the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it.each(pages)('%s', async (page) => {
    const file = `${page}.html`;
    const ledger = await ledgerOfInput(new Uint8Array(readFileSync(realPage(file))), { name: file });
    const expected: unknown = JSON.parse(readFileSync(join(REAL_PAGES, page, 'expected.json'), 'utf8'));
    expect(JSON.parse(toJson(ledger))).toEqual(expected);
  });
});
