import type { Ledger, Meta, Warning } from '../model.js';
import { type Column, columnHeader, TASK_COLUMNS } from './columns.js';
import { ledgerTitle } from './fields.js';
import { warningText } from '../i18n/index.js';
import type { ExportOptions, HeaderLanguage } from './types.js';

type MetaField = 'noticeTitle' | 'issuer' | 'docNumber' | 'date';

const LABELS: Record<HeaderLanguage, Record<MetaField | 'source' | 'warnings', string>> = {
  zh: { noticeTitle: '通知', issuer: '发文机关', docNumber: '发文字号', date: '成文日期', source: '来源', warnings: '警告' },
  en: { noticeTitle: 'Notice', issuer: 'Issuer', docNumber: 'Document number', date: 'Date', source: 'Source', warnings: 'Warnings' },
};

const META_FIELDS: readonly MetaField[] = ['noticeTitle', 'issuer', 'docNumber', 'date'];

/** Backslash-escapes what Markdown would read as markup or as a cell border. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_~[\]<>|&]/g, '\\$&');
}

/** A table cell keeps its line breaks as <br>: a raw newline would end the row. */
function escapeCell(text: string): string {
  return escapeInline(text).replace(/\r?\n/g, '<br>');
}

/** One row of a Markdown table. */
export function tableRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function metaLines(meta: Meta, title: string, labels: Record<string, string>): string[] {
  return META_FIELDS.flatMap((field) => {
    const value = meta[field];
    // The notice title is only news when it is not the title already shown.
    if (value === null || value === title) return [];
    return [`- ${labels[field]}：${escapeInline(value)}`];
  });
}

/** The ledger as a Markdown document: a short header with the meta, then the task table. */
export function toMarkdown(ledger: Ledger, options: ExportOptions): string {
  return markdownOf(ledger, ledger.tasks, TASK_COLUMNS, options);
}

/**
 * A document on a notice (a ledger whose tasks carry more than the contract's fields, the unit
 * matrix) as Markdown: the notice's meta, then its rows in the given columns, then its warnings.
 */
export function markdownOf<Row>(
  ledger: Pick<Ledger, 'meta' | 'source'> & { warnings?: Warning[] },
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  { header = 'zh' }: ExportOptions,
): string {
  const labels = LABELS[header];
  const title = ledgerTitle(ledger);
  const lines = [
    `# ${escapeInline(title)}`,
    '',
    ...metaLines(ledger.meta, title, labels),
    `- ${labels.source}：${escapeInline(ledger.source.name)}`,
    '',
    tableRow(columns.map((column) => columnHeader(column, header))),
    tableRow(columns.map(() => '---')),
    ...rows.map((row) => tableRow(columns.map((column) => escapeCell(column.cell(row))))),
  ];
  if (ledger.warnings !== undefined && ledger.warnings.length > 0) {
    lines.push('', `## ${labels.warnings}`, '');
    for (const warning of ledger.warnings) lines.push(`- ${escapeCell(warningText(warning, header))}`);
  }
  return `${lines.join('\n')}\n`;
}
