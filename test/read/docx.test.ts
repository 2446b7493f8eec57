import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readDocx } from '../../src/read/docx/index.js';
import { formatNumber } from '../../src/read/docx/numbering.js';
import { chineseCounting } from '../../src/vocabulary/numerals.js';
import { read } from '../../src/read/index.js';

const linesOf = async (bytes: Uint8Array) => (await readDocx(bytes, { name: 'plan.docx' })).text.split('\n');

describe('Word number formats', () => {
  it.each([
    [1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [123, '一百二十三'],
  ])('counts %i in Chinese as %s', (n, text) => expect(chineseCounting(n)).toBe(text));

  it.each([
    [3, 'decimalEnclosedCircle', '③'], [21, 'decimalEnclosedCircle', '㉑'], [2, 'decimalEnclosedParen', '⑵'], [12, 'decimalZero', '12'],
    [3, 'ideographTraditional', '丙'], [4, 'upperRoman', 'IV'], [28, 'lowerLetter', 'bb'], [3, 'chineseLegalSimplified', '叁'], [7, 'unknownFormat', '7'],
  ])('draws %i in %s as %s', (n, numFmt, text) => expect(formatNumber(n, numFmt)).toBe(text));
});

describe('readDocx: automatic list numbers', () => {
  it('writes the numbers of a multi-level list into the text, restarting under each parent', async () => {
    const plan = 'plan';
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: plan, level } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: plan,
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
              { level: 3, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4', alignment: AlignmentType.LEFT },
            ],
          },
          { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT }] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('某市2020年政务公开工作要点'),
            item('深化公开', 0),
            item('推进决策公开。', 1),
            item('公开目录', 2),
            item('年底前完成', 3),
            item('每季度更新', 3),
            item('公开依据', 2),
            item('推进执行公开', 1),
            new Paragraph('不编号的说明段落。'),
            item('强化保障', 0),
            item('加强领导', 1),
            item('配齐人员', 2),
            new Paragraph({ text: '列表符号不是编号', numbering: { reference: 'bullets', level: 0 } }),
          ],
        },
      ],
    });
    expect(await linesOf(new Uint8Array(await Packer.toBuffer(doc)))).toEqual([
      '某市2020年政务公开工作要点',
      '一、深化公开',
      '（一）推进决策公开。',
      '1.公开目录',
      '①年底前完成',
      '②每季度更新',
      '2.公开依据',
      '（二）推进执行公开',
      '不编号的说明段落。',
      '二、强化保障',
      '（一）加强领导',
      '1.配齐人员',
      '列表符号不是编号',
    ]);
  });

  it('reads a Word table, rowspans (vMerge) and colspans (gridSpan) expanded', async () => {
    const cell = (text: string, options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: text.split('\n').map((p) => new Paragraph(p)), ...options });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [cell('工作任务'), cell('牵头单位'), cell('配合单位')] }),
                new TableRow({ children: [cell('一、深化公开', { columnSpan: 3 })] }),
                new TableRow({ children: [cell('1.编制目录'), cell('市政府办', { verticalMerge: VerticalMergeType.RESTART }), cell('市财政局\n市审计局')] }),
                new TableRow({ children: [cell('2.公开预算'), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('各县区')] }),
              ],
            }),
          ],
        },
      ],
    });
    expect(await linesOf(new Uint8Array(await Packer.toBuffer(doc)))).toEqual([
      '工作任务 | 牵头单位 | 配合单位 |',
      '一、深化公开',
      '1.编制目录 | 市政府办 | 市财政局\u2029市审计局 |',
      '2.公开预算 | 市政府办 | 各县区 |',
    ]);
  });
});

// A .docx written by hand, for what the docx package does not write: numbering that comes from
// paragraph styles, restarts by w:startOverride, and legal (isLgl) numbers.
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const level = (ilvl: number, numFmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const NUMBERING = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.', '<w:pStyle w:val="ListNumber3"/>')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;
const style = (id: string, pPr: string, basedOn?: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ''}<w:pPr>${pPr}</w:pPr></w:style>`;
const STYLES = `<w:styles ${W}>
  ${style('Heading1', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')}
  ${style('Heading2', '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')}
  ${style('ListNumber3', '<w:numPr><w:numId w:val="1"/></w:numPr>')}
  ${style('TaskItem', '', 'ListNumber3')}
</w:styles>`;
const paragraph = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const styled = (text: string, styleId: string) => paragraph(text, `<w:pStyle w:val="${styleId}"/>`);
const numbered = (text: string, numId: number, ilvl: number) => paragraph(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

async function handMadeDocx(body: string, parts: Record<string, string> = { 'word/numbering.xml': NUMBERING, 'word/styles.xml': STYLES }): Promise<Uint8Array> {
  const zip = new JSZip();
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  zip.file('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'numbering', 'numbering.xml')}${rel('rId2', 'styles', 'styles.xml')}</Relationships>`);
  zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readDocx: numbering from numbering.xml and styles.xml', () => {
  it('numbers paragraphs through their styles, basedOn chains and levels named by style', async () => {
    const body = [
      styled('深化公开', 'Heading1'),
      styled('推进决策公开', 'Heading2'),
      styled('公开目录', 'TaskItem'),
      styled('公开依据', 'ListNumber3'),
      styled('强化保障', 'Heading1'),
      styled('加强领导', 'Heading2'),
    ].join('');
    expect(await linesOf(await handMadeDocx(body))).toEqual(['一、深化公开', '（一）推进决策公开', '1.公开目录', '2.公开依据', '二、强化保障', '（一）加强领导']);
  });

  it('starts a list again where w:startOverride says, and draws legal numbers in decimal', async () => {
    const body = [numbered('前四项见上文', 2, 0), numbered('接续', 2, 0), numbered('总则', 3, 0), numbered('细则', 3, 0), numbered('分则', 3, 1), numbered('附则', 3, 1)].join('');
    expect(await linesOf(await handMadeDocx(body))).toEqual(['五、前四项见上文', '六、接续', '一、总则', '二、细则', '2.1分则', '2.2附则']);
  });

  it('takes numId 0 as “numbering removed” and reads a document without numbering.xml', async () => {
    const body = [paragraph('不编号', '<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'), paragraph('正文')].join('');
    expect(await linesOf(await handMadeDocx(body))).toEqual(['不编号', '正文']);
    expect(await linesOf(await handMadeDocx(paragraph('一、手写的编号'), {}))).toEqual(['一、手写的编号']);
  });
});

describe('readDocx: bad Word files', () => {
  it('refuses a damaged zip', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml and nothing else')]);
    await expect(read(bytes, { name: 'plan.docx' })).rejects.toThrow(/^a damaged Word file/);
  });

  it('refuses a document with no text', async () => {
    const error = await readDocx(await handMadeDocx('<w:p/>'), { name: 'empty.docx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('the document holds no text');
  });
});
