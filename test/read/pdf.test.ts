import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createDeflate } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scoreLedger, shortfalls } from '../../src/eval/score.js';
import type { Ledger } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import { detectFormat } from '../../src/read/format.js';
import { foldRadicals } from '../../src/read/pdf/fold.js';
import { joinTables, type Block, type Line, type Table } from '../../src/read/pdf/layout.js';
import { paragraphsOf, withoutRunningLines } from '../../src/read/pdf/paragraphs.js';
import { expectParseRefused } from '../support/cli.js';
import { temporaryFolder } from '../support/folder.js';

// The seed notices printed to PDF by Chromium (scripts/make-pdf-fixtures.mjs): A4 pages with a
// running header and a page number footer, taishan-2019 a ruled table over several page breaks.
const PDFS = 'fixtures/pdf';
const seeds = readdirSync(PDFS).filter((f) => f.endsWith('.pdf') && f !== 'image-only.pdf').sort();
const gold = (name: string) => JSON.parse(readFileSync(join('fixtures/gold', `${name}.json`), 'utf8')) as Ledger;
const parsePdf = (file: string) => parseBytes(new Uint8Array(readFileSync(join(PDFS, file))), { name: file });

describe('seed notices as PDF', () => {
  it('has the five seeds', () => expect(seeds).toHaveLength(5));

  for (const file of seeds) {
    const name = basename(file, '.pdf');
    it(`${file} scores at or above every threshold against ${name}.json`, async () => {
      const ledger = await parsePdf(file);
      expect(ledger.source.format).toBe('pdf');
      const { figures, metaMisses } = scoreLedger(gold(name), ledger);
      expect([shortfalls(figures), metaMisses]).toEqual([[], []]);
    });
  }

  it('keeps no running header, page number or radical form', async () => {
    for (const file of seeds) {
      const ledger = await parsePdf(file);
      const texts = ledger.tasks.flatMap((task) => [task.text, ...task.path, ...task.units.map((unit) => unit.name)]);
      expect(texts.filter((text) => /— \d+ —|[\u2e80-\u2eff\u2f00-\u2fdf]/.test(text))).toEqual([]);
      expect(texts.filter((text) => text.includes(ledger.meta.title ?? '\0') && text.length < 40)).toEqual([]);
    }
  });

  it('reads the table that runs over page breaks row by row, categories carried over', async () => {
    const ledger = await parsePdf('taishan-2019.pdf');
    expect(ledger.tasks.map((task) => [task.text.slice(0, 12), task.path])).toEqual(gold('taishan-2019').tasks.map((task) => [task.text.slice(0, 12), task.path]));
  });
});

describe('PDF layout', () => {
  const line = (text: string, x0: number, x1: number, size = 15): Line => ({ runs: [], text, y: 0, x0, x1, size });
  const page = (...lines: Line[]): Block[] => lines.map((l) => ({ kind: 'line', line: l }));

  it.each(['— 3 —', '- 3 -', '3', '第3页 共8页', '共8页 第3页', '3/8', 'Page 3 of 8'])('drops the page number %s', (number) => {
    const pages = withoutRunningLines([page(line('一', 85, 510)), page(line('二', 85, 510)), page(line('正文', 85, 510), line(number, 280, 320))]);
    expect(pages[2]!.map((b) => b.kind === 'line' && b.line.text)).toEqual(['正文']);
  });

  it('keeps a number that is not the page’s own (a 序号 cell at a page’s edge), and a lone “|” at the top of every page', () => {
    const pages = withoutRunningLines([
      page(line('工作任务', 85, 200), line('|', 85, 90), line('2', 85, 95)),
      page(line('|', 85, 90), line('对规范性文件进行清理。', 85, 400), line('5', 85, 95)),
      page(line('|', 85, 90), line('办公室', 85, 150)),
    ]);
    expect(pages.map((p) => p.map((b) => b.kind === 'line' && b.line.text))).toEqual([
      ['工作任务', '|', '2'],
      ['|', '对规范性文件进行清理。', '5'],
      ['|', '办公室'],
    ]);
    // Bare numbers that go on page after page are page numbers, whatever the first one is.
    const numbered = withoutRunningLines([page(line('封面', 85, 200)), page(line('第二页正文', 85, 510), line('7', 280, 290)), page(line('第三页正文', 85, 510), line('8', 280, 290))]);
    expect(numbered.flat().map((b) => b.kind === 'line' && b.line.text)).toEqual(['封面', '第二页正文', '第三页正文']);
  });

  it('drops a header repeated at the top of the pages, and keeps a title that is not', () => {
    const pages = withoutRunningLines([
      page(line('某某市政务公开工作要点', 200, 380), line('第一页正文', 85, 510)),
      page(line('某某市政务公开工作要点', 200, 380), line('第二页正文', 85, 510)),
      page(line('某某市政务公开工作要点', 200, 380), line('第三页正文', 85, 510)),
    ]);
    expect(pages.flat().map((b) => b.kind === 'line' && b.line.text)).toEqual(['第一页正文', '第二页正文', '第三页正文']);
    expect(withoutRunningLines([page(line('标题', 200, 380), line('正文', 85, 510))])[0]).toHaveLength(2);
  });

  it('joins a paragraph the margin or a page break cut, and not one that ended', () => {
    const lines = [
      line('（一）推进决策公开。全面', 115, 510),
      line('推进重大决策预公开。', 85, 300),
      line('（二）推进执行公开，依据', 115, 505),
      line('〔2017〕40号文件执行。', 85, 320),
      line('（三）推进结果公开。', 115, 300),
    ];
    expect(paragraphsOf(page(...lines), lines).map((p) => ('text' in p ? p.text : p))).toEqual(['（一）推进决策公开。全面推进重大决策预公开。', '（二）推进执行公开，依据〔2017〕40号文件执行。', '（三）推进结果公开。']);
  });

  it('takes the left margin from the lines that run on, though indented first lines outnumber them', () => {
    const lines = [
      line('一、深化重点领域公开', 115, 400),
      line('（一）推进决策公开。', 115, 330),
      line('主动公开本地区规划和专项规划、空间规划等，做好', 115, 510),
      line('归集整理工作。', 85, 200),
      line('（二）推进执行公开。', 115, 330),
      line('稳步扩大财政预决算公开范围，推进乡镇预算公开。', 115, 510),
      line('（三）推进结果公开。', 115, 330),
      line('加大惠民惠农政策和资金发放信息公开力度，推动补', 115, 510),
      line('贴信息公开向农村延伸。', 85, 250),
    ];
    expect(paragraphsOf(page(...lines), lines).map((p) => ('text' in p ? p.text : p))).toEqual([
      '一、深化重点领域公开',
      '（一）推进决策公开。',
      '主动公开本地区规划和专项规划、空间规划等，做好归集整理工作。',
      '（二）推进执行公开。',
      '稳步扩大财政预决算公开范围，推进乡镇预算公开。',
      '（三）推进结果公开。',
      '加大惠民惠农政策和资金发放信息公开力度，推动补贴信息公开向农村延伸。',
    ]);
  });

  it('joins a table over a page break whose next page has fewer columns (its rows leave the last ones empty)', () => {
    const table = (xs: number[], rows: string[][], openTop: boolean, openBottom: boolean): Table => ({
      xs,
      slots: rows.map((row) => row.map((text) => ({ text }))),
      openTop: xs.slice(1).map(() => openTop),
      openBottom: xs.slice(1).map(() => openBottom),
    });
    const upper = table([86, 148, 269, 361, 516], [['序号', '工作任务', '责任处室', '备注'], ['4', '做好爱国卫生运动、健康', '规划信息处', '']], false, true);
    const lower = table([86, 149, 270, 362], [['', '广东行动的信息发布工作', ''], ['5', '常规政务公开事项', '政法处']], true, false);
    const joined = joinTables(upper, lower);
    expect(joined?.slots.map((row) => row.map((cell) => cell.text))).toEqual([
      ['序号', '工作任务', '责任处室', '备注'],
      ['4', '做好爱国卫生运动、健康广东行动的信息发布工作', '规划信息处', ''],
      ['5', '常规政务公开事项', '政法处', ''],
    ]);
    expect(joinTables(upper, table([86, 200, 362], [['5', '其他表格']], true, false))).toBeNull();
  });

  it('folds Kangxi radicals and radical supplement forms to ideographs', () => {
    expect(foldRadicals('⼯作⼈员、⼈⺠群众、⻅⾯、⻔户、5⽉20⽇―8⽉')).toBe('工作人员、人民群众、见面、门户、5月20日—8月');
  });
});

describe('PDF detection', () => {
  it('knows a PDF by %PDF- near its start, whatever the name', () => {
    expect(detectFormat(new TextEncoder().encode('%PDF-1.7\n'), { name: 'notice.txt' })).toBe('pdf');
    expect(detectFormat(new TextEncoder().encode('\0\0junk%PDF-1.4\n'), { name: 'download' })).toBe('pdf');
  });
});

// ---- bad PDFs: one line, exit 2, nothing written ----

/** A small PDF with these objects after the catalog, page tree and page (objects 1–3). */
function pdfOf(page: string, extra: string[], trailer = ''): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page, ...extra];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const part = Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1');
    parts.push(part);
    length += part.length;
  });
  const xref = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>';

/** Zero bytes, deflated in a stream: a gigabyte of them compresses to about a megabyte. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += megabyte.length) {
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

describe('bad PDFs', () => {
  const scratch = temporaryFolder('taizhang-pdf-');

  const refused = (name: string, bytes: Uint8Array, message: RegExp) => expectParseRefused(scratch.path, name, bytes, message);

  it('refuses a scan (an image-only PDF): no text layer, no OCR', async () => {
    await refused('scan.pdf', readFileSync(join(PDFS, 'image-only.pdf')), /no text layer.*OCR is not supported/);
  });

  it('refuses a PDF cut short', async () => {
    const whole = readFileSync(join(PDFS, 'yancheng-2016.pdf'));
    await refused('truncated.pdf', whole.subarray(0, whole.length / 2), /damaged PDF.*cut short/);
  });

  it('refuses a PDF that needs a password', async () => {
    const encrypt = `<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${'ab'.repeat(32)}> /U <${'ab'.repeat(32)}> /P -4 >>`;
    const id = `<${'0123456789abcdef'.repeat(2)}>`;
    const bytes = pdfOf(PAGE, ['<< /Length 0 >>\nstream\n\nendstream', encrypt], `/Encrypt 5 0 R /ID [${id} ${id}]`);
    await refused('encrypted.pdf', bytes, /encrypted PDF/);
  });

  it('refuses a damaged PDF', async () => {
    await refused('damaged.pdf', Buffer.from('%PDF-1.4\n1 0 obj <<< /Type /Nonsense\n%%EOF\n'), /damaged PDF/);
  });

  it('refuses a content stream that inflates to a gigabyte, without inflating it', async () => {
    const bomb = await deflatedZeros(1024 * 1024 * 1024);
    const stream = Buffer.concat([Buffer.from(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`), bomb, Buffer.from('\nendstream')]);
    const bytes = pdfOf(PAGE, [stream.toString('latin1')]);
    await refused('bomb.pdf', bytes, /inflate to more than/);
  }, 30_000);
});
