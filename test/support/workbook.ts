import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

/** A workbook read back from its bytes (exceljs types its input as its own Buffer). */
export async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A workbook read back from its file. */
export async function workbookAt(path: string): Promise<ExcelJS.Workbook> {
  return workbookOf(await readFile(path));
}
