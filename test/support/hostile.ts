// Hostile inputs, generated (never stored): each is small or cheap to make, and each once made
// taizhang run without bound, overflow its stack or crash. Used by test/hostile-*.test.ts.

import JSZip from 'jszip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal Word file: the parts mammoth needs, plus those given. */
export async function docx(documentBody: string, parts: Record<string, string | Uint8Array> = {}, declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const numbered = 'word/numbering.xml' in parts;
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
      numbered ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : ''
    }</Relationships>`,
  );
  zip.file('word/document.xml', `${declaration}<w:document ${W}><w:body>${documentBody}</w:body></w:document>`);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const paragraph = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A two-level Chinese list (一、 and （一）): numbering.xml. */
export const CHINESE_LIST = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

/** `count` list paragraphs, a heading every 20 items. */
export function numberedParagraphs(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const level = i % 20 === 0 ? 0 : 1;
    items.push(paragraph(level === 0 ? '深化政务公开' : '推进决策公开，市政府办公室牵头，年底前完成。', `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`));
  }
  return items.join('');
}

/** One paragraph of `count` runs. */
export function manyRuns(count: number): string {
  return `${paragraph('一、深化政务公开')}<w:p>${'<w:r><w:t>公</w:t></w:r>'.repeat(count)}</w:p>`;
}

/** A Word file whose directory says its document.xml unpacks to `bytes` (a zip bomb's claim). */
export async function docxBomb(bytes: number): Promise<Uint8Array> {
  const zip = Buffer.from(await docx(paragraph('一、深化政务公开，推进决策公开，做好政策解读。')));
  const name = Buffer.from('word/document.xml');
  for (let at = zip.indexOf(Buffer.from('PK')); at !== -1; at = zip.indexOf(Buffer.from('PK'), at + 2)) {
    const signature = zip.readUInt32LE(at);
    // Local file header (size at 22, name at 30) and central directory entry (size at 24, name at 46).
    const [sizeAt, nameAt] = signature === 0x04034b50 ? [22, 30] : signature === 0x02014b50 ? [24, 46] : [-1, -1];
    if (sizeAt >= 0 && zip.subarray(at + nameAt, at + nameAt + name.length).equals(name)) zip.writeUInt32LE(bytes, at + sizeAt);
  }
  return new Uint8Array(zip);
}

/** A Word file with one byte flipped in the middle of its packed document. */
export async function damagedDocx(): Promise<Uint8Array> {
  const zip = await docx(paragraph('一、深化政务公开，推进决策公开，做好政策解读。'.repeat(50)));
  const middle = Buffer.from(zip).indexOf('word/document.xml') + 40;
  zip[middle] = zip[middle]! ^ 0xff;
  return zip;
}

/** A task table of `rows` rows. */
export function htmlTable(rows: number): string {
  const body: string[] = ['<html><body><table><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>'];
  for (let i = 1; i <= rows; i++) body.push(`<tr><td>${i}</td><td>推进决策公开，做好政策解读第${i}项。</td><td>市政府办公室</td><td>年底前</td></tr>`);
  body.push('</table></body></html>');
  return body.join('');
}

export const nested = (tag: string, depth: number, inner = '一、深化政务公开，推进决策公开，做好政策解读。'): string => `<html><body>${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}</body></html>`;

/** The HTML cases of the issue, by name, at the sizes it names. */
export const HTML_CASES: Record<string, () => string> = {
  'a table of 20,000 rows': () => htmlTable(20_000),
  '<br> × 2,000,000': () => `<html><body><div id="zoom">一、深化政务公开，推进决策公开，做好政策解读。${'<br>'.repeat(2_000_000)}</div></body></html>`,
  '<span>a</span> × 1,000,000': () => `<html><body><p>一、深化政务公开，推进决策公开，做好政策解读。${'<span>a</span>'.repeat(1_000_000)}</p></body></html>`,
  '100,000 unclosed <p>': () => `<html><body>${'<p>推进决策公开，做好政策解读。'.repeat(100_000)}</body></html>`,
  'an element with 500,000 attributes': () => `<html><body><p ${Array.from({ length: 500_000 }, (_, i) => `a${i}="1"`).join(' ')}>一、深化政务公开，推进决策公开，做好政策解读。</p></body></html>`,
  '4,000 nested <div>': () => nested('div', 4_000),
  '1,000 nested tables': () => nested('table', 1_000, '<tr><td>一、深化政务公开，推进决策公开，做好政策解读。</td></tr>').replace(/<table>/g, '<table><tr><td>').replace(/<\/table>/g, '</td></tr></table>'),
  '10,000 nested <li>': () => nested('li', 10_000),
  '200,000 nested <div>': () => nested('div', 200_000),
};

const UNIT_STEMS = '发改财政教育科技工信民政司法人社自然资源生态环境住建交通水利农业商务文旅卫健应急审计统计医保林业城管信访档案气象';

/** A notice whose tasks name `count` distinct units (市甲乙局, …), with 各部门 on every tenth task. */
export function manyUnitsNotice(count: number): string {
  const lines = ['某市2020年政务公开工作要点', '一、深化政务公开'];
  const stems = [...UNIT_STEMS];
  for (let i = 0; i < count; i++) {
    const unit = `市${stems[i % stems.length]}${stems[Math.floor(i / stems.length) % stems.length]}${stems[Math.floor(i / stems.length ** 2) % stems.length]}局`;
    const group = i % 10 === 0 ? '，各部门配合' : '';
    lines.push(`${i + 1}. 推进决策公开，做好政策解读。（${unit}牵头${group}）`);
  }
  return `${lines.join('\n')}\n`;
}
