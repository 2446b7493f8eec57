// The fuzz of test/hostile/mutations.test.ts extended past plain text: random HTML, random Word structure and
// damaged ledger JSON must each be read, or refused with an InputError (one line, exit 2) — never
// crash with anything else. In-process, seeded like the text fuzz.
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { explainLedger } from '../../src/export/explain.js';
import { toCsv } from '../../src/export/csv.js';
import { htmlToText } from '../../src/read/html/to-text.js';
import { read } from '../../src/read/index.js';
import { readLedgerJson } from '../../src/read/ledger-json.js';
import { ledgerOf } from '../../src/pipeline.js';
import { CHINESE_LIST, docx, paragraph } from '../support/hostile.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** Runs `work`; only an InputError may come out of it. */
async function readsOrRefuses(work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
}

const TEXT = fc.constantFrom('一、深化政务公开', '（一）推进决策公开，市政府办公室牵头。', '年底前完成', '相关链接', '&nbsp;', '<', '>', '"', '责任单位', '');
const TAG = fc.constantFrom('div', 'p', 'table', 'tr', 'td', 'th', 'li', 'ul', 'span', 'a', 'br', 'h1', 'script', 'style', 'body', 'html', 'head', 'meta', 'font');
const ATTRIBUTE = fc.constantFrom('', ' class="TRS_Editor"', ' id="zoom"', ' rowspan="3"', ' colspan="0"', ' colspan="999999"', ' style="display:none"', ' charset="gbk"');
const HTML_TOKEN = fc.oneof(
  TEXT,
  fc.tuple(TAG, ATTRIBUTE).map(([tag, attribute]) => `<${tag}${attribute}>`),
  TAG.map((tag) => `</${tag}>`),
  fc.constantFrom('<!--', '-->', '<!doctype html>', '<?xml version="1.0"?>'),
);

describe('fuzz: HTML', () => {
  it('any soup of tags reads or is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(HTML_TOKEN, { maxLength: 80 }), async (tokens) => {
        const html = tokens.join('');
        await readsOrRefuses(() => htmlToText(html));
        await readsOrRefuses(async () => ledgerOf(await read(Buffer.from(html), { name: 'page.html' })));
      }),
      { seed: SEED, numRuns: 400 * SCALE },
    );
  });
});

const RUN_PROPERTY = fc.constantFrom('', '<w:rPr><w:b/></w:rPr>', '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>');
const NUMBERING = fc.tuple(fc.constantFrom('0', '1', '2', '99', 'x'), fc.constantFrom('0', '1', '8', '-1', 'a')).map(
  ([numId, ilvl]) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`,
);
const WORD_PARAGRAPH = fc.oneof(
  fc.tuple(TEXT, fc.option(NUMBERING, { nil: '' })).map(([text, numbering]) => paragraph(text, numbering)),
  fc.array(fc.tuple(RUN_PROPERTY, TEXT), { maxLength: 6 }).map((runs) => `<w:p>${runs.map(([rPr, text]) => `<w:r>${rPr}<w:t>${text}</w:t></w:r>`).join('')}</w:p>`),
  fc.constantFrom('<w:p/>', '<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'),
);

describe('fuzz: Word structure', () => {
  it('any arrangement of paragraphs, runs, lists and tables reads or is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(WORD_PARAGRAPH, { maxLength: 30 }), fc.boolean(), async (paragraphs, numbered) => {
        const bytes = await docx(paragraphs.join(''), numbered ? { 'word/numbering.xml': CHINESE_LIST } : {});
        await readsOrRefuses(async () => ledgerOf(await read(bytes, { name: 'plan.docx' })));
      }),
      { seed: SEED, numRuns: 150 * SCALE },
    );
  });

  it('a Word file with bytes flipped or cut reads or is refused', async () => {
    const whole = await docx([paragraph('一、深化政务公开'), paragraph('（一）推进决策公开，市政府办公室牵头。', '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')].join(''), {
      'word/numbering.xml': CHINESE_LIST,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(whole.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat(whole.length), async (flips, cut) => {
        const bytes = whole.slice(0, Math.max(cut, 4));
        for (const [at, mask] of flips) if (at < bytes.length) bytes[at] = bytes[at]! ^ mask;
        await readsOrRefuses(async () => ledgerOf(await read(bytes, { name: 'plan.docx' })));
      }),
      { seed: SEED, numRuns: 200 * SCALE },
    );
  });

  it('the zip is rebuilt without word/document.xml: refused', async () => {
    const zip = await JSZip.loadAsync(await docx(paragraph('一、深化政务公开')));
    zip.remove('word/document.xml');
    zip.file('word/other.xml', '<x/>');
    await expect(read(await zip.generateAsync({ type: 'uint8array' }), { name: 'plan.docx' })).rejects.toBeInstanceOf(InputError);
  });
});

const LEDGER = {
  schema: 'taizhang/1',
  source: { name: 'a.txt', format: 'text', encoding: 'utf-8', script: 'simplified' },
  meta: { title: '某市要点', noticeTitle: null, issuer: null, docNumber: null, date: null, year: 2020, region: null, recipients: [] },
  sections: [{ id: '1', marker: '一、', title: '深化公开', children: [] }],
  tasks: [{ id: '1.1', seq: 1, path: ['深化公开'], title: null, text: '推进决策公开。', units: [{ name: '市财政局', role: 'lead' }], deadlines: [{ text: '年底前', date: '2020-12-31' }], line: 3 }],
  warnings: [],
  lines: [{ line: 1, fate: 'preamble', text: '某市要点' }],
  dropped: [],
};

/** Every path to a value in a JSON document. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([key, item]) => pathsOf(item, [...path, key]))];
}

function replaced(document: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

describe('fuzz: ledger JSON', () => {
  const paths = pathsOf(LEDGER);
  it('a ledger with any one value replaced is read and usable, or refused naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), async (path, value) => {
        const bytes = Buffer.from(JSON.stringify(replaced(LEDGER, path, value)));
        await readsOrRefuses(() => {
          const ledger = readLedgerJson(bytes);
          // What passed the check must be safe to use.
          explainLedger(ledger);
          toCsv(ledger, {});
        });
      }),
      { seed: SEED, numRuns: 1000 * SCALE },
    );
  });

  it('a ledger cut anywhere is refused', async () => {
    const text = JSON.stringify(LEDGER);
    await fc.assert(
      fc.property(fc.nat(text.length - 1), (cut) => {
        expect(() => readLedgerJson(Buffer.from(text.slice(0, cut)))).toThrow(InputError);
      }),
      { seed: SEED, numRuns: 200 * SCALE },
    );
  });
});
