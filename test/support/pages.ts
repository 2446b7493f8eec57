import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NOTICES } from './cli.js';

/** Real government pages as crawled: each in a folder of its own name, beside its expected ledger. */
export const REAL_PAGES = 'fixtures/html/realworld';

/** Where a real page is, by its file name (01-….html). */
export function realPage(file: string): string {
  return join(REAL_PAGES, file.replace(/\.html$/, ''), file);
}

/** A notice as saved from a web page: site chrome (a breadcrumb, a print bar) above and below it. */
export async function noticeWithChrome(): Promise<string> {
  return `您当前所在位置：首页 > 政务公开 > 通知公告\n${await readFile(join(NOTICES, 'yancheng-2016.txt'), 'utf8')}\n【打印本页】【关闭窗口】\n`;
}
