import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/read/sheet/csv.js';
import { readRowKey, readTitleRow, rowKey, titleRow } from '../../src/track/sheet.js';
import { worksheetGrids } from '../../src/track/xlsx-cells.js';

// The pieces that read a returned sheet, on inputs the CLI tests do not make: a workbook written
// by another program than exceljs, CSV quoting.

async function workbook(sheetXml: string, sharedXml?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="台账 &amp; 进展" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`);
  if (sharedXml !== undefined) zip.file('xl/sharedStrings.xml', `<sst>${sharedXml}</sst>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('reading a returned workbook without exceljs', () => {
  it('reads shared strings with rich text runs, inline strings, numbers and entities, by cell reference', async () => {
    const bytes = await workbook(
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>推进&lt;中&gt;</t></is></c><c r="D2"><v>1.5</v></c></row>' +
        '<row r="3"><c r="B3" t="s"><v>1</v></c></row>',
      '<si><t>编号</t></si><si><r><t>工作</t></r><r><rPr><b/></rPr><t xml:space="preserve">任务 </t></r><rPh><t>ニン</t></rPh></si>',
    );
    expect(worksheetGrids(bytes)).toEqual([{ name: '台账 & 进展', grid: [[], ['编号', '', '推进<中>', '1.5'], ['', '工作任务 ']] }]);
  });

  it('refuses a zip whose directory claims more than 100 MB', async () => {
    const bytes = await workbook('<row r="1"/>');
    // Forge the unpacked size of the first directory entry.
    const view = new DataView(bytes.buffer);
    const directory = view.getUint32(bytes.length - 22 + 16, true);
    view.setUint32(directory + 24, 200 * 1024 * 1024, true);
    expect(() => worksheetGrids(bytes)).toThrow('refused: unpacks to more than 100 MB (a zip bomb?)');
    expect(() => worksheetGrids(new TextEncoder().encode('PK but not a zip'))).toThrow('not an xlsx workbook (not a zip archive)');
  });
});

describe('the sheet format', () => {
  it('reads CSV with quoted commas, quotes and line breaks', () => {
    expect(csvRows('编号,工作任务\r\n1.1,"公开，""解读""\n回应"\n2.1,x', ',')).toEqual([['编号', '工作任务'], ['1.1', '公开，"解读"\n回应'], ['2.1', 'x']]);
  });

  it('reads back the title row and the row key it writes', () => {
    expect(readTitleRow(titleRow('2021年工作方案', '市财政局'))).toEqual({ plan: '2021年工作方案', unit: '市财政局' });
    expect(readTitleRow(titleRow(null, '市财政局'))).toEqual({ plan: null, unit: '市财政局' });
    expect(readRowKey(rowKey('7b48b1fcee', 12, '市财政局'))).toEqual({ planUid: '7b48b1fcee', taskRowId: 12, unit: '市财政局' });
    expect(readRowKey('1.4')).toBeNull();
  });
});
