import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { read } from '../../src/read/index.js';
import { detectFormat } from '../../src/read/format.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const formatOf = (bytes: Uint8Array, name = 'input', contentType?: string) => detectFormat(bytes, { name, contentType });

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  return zip.generateAsync({ type: 'uint8array' });
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('no InputError was thrown');
}

describe('detectFormat: by content, not by name', () => {
  it.each([
    ['a doctype', '<!DOCTYPE html><html><body><p>正文</p></body></html>'],
    ['an <html> after a BOM and blank lines', '\ufeff\n\n  <html><head></head><body></body></html>'],
    ['a crawler’s <text> wrapper', '<text id="7" encoding="gb2312"><html><body>正文</body></html></text>'],
    ['a fragment starting with a <div>', '<div class="wrap"><table><tr><td>索引号：</td></tr></table></div>'],
    ['a fragment starting with a <p>', '<p>各县（区）人民政府：</p>'],
    ['a comment', '<!-- saved from url=(0060)http://www.example.gov.cn/ --><html></html>'],
  ])('reads %s as HTML, whatever the name', (_, content) => {
    expect(formatOf(utf8(content), 'notice.txt')).toBe('html');
  });

  it('reads Chinese text as text, even named .html, when it holds no tags', () => {
    expect(formatOf(utf8('关于印发2019年政务公开工作要点的通知\n一、深化公开'), 'page.html')).toBe('text');
  });

  it('uses the name or Content-Type only to break a tie: text first, tags later', () => {
    const content = utf8('发布时间：2019-05-28\n<p>一、深化公开</p><br>');
    expect(formatOf(content, 'notice.txt')).toBe('text');
    expect(formatOf(content, 'page.shtml')).toBe('html');
    expect(formatOf(content, 'https://example.gov.cn/art?id=1', 'text/html; charset=utf-8')).toBe('html');
  });

  it('reads a UTF-16 page as HTML', () => {
    const page = '<html><body><p>正文</p></body></html>';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(page, 'utf16le'))]);
    expect(formatOf(bytes)).toBe('html');
  });

  it('reads a zip holding word/document.xml as a Word document', async () => {
    expect(formatOf(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'upload.bin')).toBe('docx');
  });

  it('refuses a zip of something else, even named .docx', async () => {
    const bytes = await zipOf({ 'content.xml': '<office:document/>', 'mimetype': 'application/vnd.oasis.opendocument.text' });
    expect(messageOf(() => formatOf(bytes, 'plan.docx'))).toMatch(/^a zip archive that is neither a Word document nor an Excel workbook/);
  });

  it.each([
    ['an OLE file that is no Word document or workbook', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /neither a Word document nor a workbook/],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG image/],
  ])('refuses %s in one line', (_, bytes, message) => {
    expect(messageOf(() => formatOf(new Uint8Array(bytes), 'notice.txt'))).toMatch(message);
  });

  it('refuses a .docx that is not a zip', () => {
    expect(messageOf(() => formatOf(utf8('一、深化公开'), 'plan.docx'))).toMatch(/not a Word document/);
  });
});

describe('read: dispatches on the format', () => {
  it('reads text, HTML and Word inputs with their readers', async () => {
    const text = await read(utf8('一、深化公开'), { name: 'a.txt' });
    const html = await read(utf8('<html><body><div class="TRS_Editor"><p>一、深化公开</p></div></body></html>'), { name: 'a.txt' });
    expect([text.format, text.text]).toEqual(['text', '一、深化公开']);
    expect([html.format, html.text]).toEqual(['html', '一、深化公开']);
  });

  it('refuses a zip of something else through read()', async () => {
    await expect(read(await zipOf({ 'a.txt': 'x' }), { name: 'a.docx' })).rejects.toThrow(InputError);
  });
});
