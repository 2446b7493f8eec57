import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { read } from '../../src/read/index.js';
import { docBodyHtml } from '../../src/read/doc/index.js';
import { htmlToText } from '../../src/read/html/to-text.js';

// word-extractor gives a .doc's body as text: paragraphs end with \n, table cells with \t and rows
// with one \t more. No Word 97–2003 file can be written here, so the text is made by hand.
const linesOf = (body: string) => htmlToText(docBodyHtml(body), { kind: 'document' }).text.split('\n');

describe('.doc body text', () => {
  it('reads paragraphs and a task table as pipe rows', () => {
    const body = '关于印发工作要点的通知\n一、推进决策公开\n工作任务\t责任单位\t\t（一）推进重大决策预公开。\t市政府办\t\t（二）推进政策解读。\t市各部门\t\t落款\n';
    expect(linesOf(body)).toEqual(['关于印发工作要点的通知', '一、推进决策公开', '工作任务 | 责任单位 |', '（一）推进重大决策预公开。 | 市政府办 |', '（二）推进政策解读。 | 市各部门 |', '落款']);
  });

  it('keeps the paragraphs of a cell together (but for the first cell of a row: they read as text before the row)', () => {
    expect(linesOf('工作任务\t责任单位\t\t推进决策公开。\t市政府办\n市财政局\t\t')[1]).toBe('推进决策公开。 | 市政府办\u2029市财政局 |');
  });

  it('refuses a damaged .doc in one line', async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]));
    const error = await read(bytes, { name: 'plan.doc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^a Word 97–2003 file that cannot be read/);
  });
});
