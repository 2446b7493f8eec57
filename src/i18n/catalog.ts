// The messages taizhang prints, in Chinese and in English. `{name}` is filled in from the
// message's parameters.

export const MESSAGES = {
  'unit.notFound': {
    zh: '未找到“{unit}”；本通知点名的单位可用 taizhang units 查看',
    en: 'no unit “{unit}” in this notice (taizhang units lists the units it names)',
  },
  'unit.notFoundNear': {
    zh: '未找到“{unit}”；本通知中相近的单位：{near}',
    en: 'no unit “{unit}” in this notice; units of the notice with similar names: {near}',
  },
  'unit.collectiveOnly': {
    zh: '本通知未点名“{unit}”，只列其所在集体（{groups}）的任务',
    en: 'the notice does not name “{unit}”: only the tasks of its groups ({groups}) are listed',
  },
  'unit.badRole': {
    zh: '角色可为 牵头、负责、配合（或 lead、responsible、support）',
    en: 'Allowed choices are 牵头 (lead), 负责 (responsible), 配合 (support).',
  },
  'batch.summary': { zh: '已解析 {parsed} 个，失败 {failed} 个', en: '{parsed} parsed, {failed} failed' },
  'progress.failed': { zh: '失败 {count}', en: '{count} failed' },
  'progress.left': { zh: '剩余 {time}', en: '{time} left' },
  'warning.line': { zh: '第{line}行 ', en: 'line {line} ' },
  'warning.stderr': { zh: '警告 {warning}', en: 'warning {warning}' },
  'error.internal': { zh: '内部错误：{message}', en: 'internal error: {message}' },
  'error.debugHint': { zh: '（加 --debug 可看调用栈）', en: ' (run with --debug for the stack trace)' },
  'error.ENOENT': { zh: '没有这个文件或目录', en: 'no such file or directory' },
  'error.EISDIR': { zh: '是一个目录', en: 'is a directory' },
  'error.ENOTDIR': { zh: '不是目录', en: 'not a directory' },
  'error.EACCES': { zh: '没有权限', en: 'permission denied' },
  'error.EPERM': { zh: '不允许的操作', en: 'operation not permitted' },
  'error.ENOSPC': { zh: '磁盘空间不足', en: 'no space left on device' },
  'error.EROFS': { zh: '只读文件系统', en: 'read-only file system' },
  'xlsx.cellCapped': {
    zh: '表“{sheet}”第{row}行“{column}”超过 {limit} 个字符，已截断',
    en: 'sheet “{sheet}” row {row}, {column}: longer than {limit} characters, cut off',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * Chinese texts of the pipeline's warnings, by code. The warning's own message (English, part of
 * the JSON) holds its details, taken out by `pattern` (the first variant whose pattern matches);
 * a code not listed here, or a message no pattern matches, is shown as it is.
 */
export interface WarningText {
  pattern?: RegExp;
  zh: string;
}

export const WARNING_TEXTS: Record<string, WarningText | WarningText[]> = {
  'no-numbered-items': { zh: '未找到编号条目：这可能不是工作任务类通知' },
  'cover-notice-only': { zh: '只有印发通知，没有编号条目：工作任务可能在附件中' },
  truncated: { zh: '正文在句中结束：文件可能不完整' },
  'truncated-html': { zh: '网页在 </html> 之前结束：正文可能不完整' },
  'table-spans': { pattern: /repaired: (.*)$/, zh: '表格的合并单元格已修复：{1}' },
  mojibake: { pattern: /“(.*)”/, zh: '乱码“{1}”' },
  'unbalanced-brackets': { zh: '本行括号不成对' },
  'numbering-gap': [
    { pattern: /^(.+) is followed by (.+)$/, zh: '编号不连续：{1}之后是{2}' },
    { pattern: /^the list starts at (.+)$/, zh: '编号从{1}开始' },
  ],
  'numbering-restart': { pattern: /^(.+) is followed by (.+)$/, zh: '编号重新开始：{1}之后是{2}' },
  'repeated-marker': { pattern: /^(.+) appears twice$/, zh: '编号{1}出现两次' },
  'unreadable-units': { pattern: /“(.*)”/, zh: '无法从“{1}”读出单位' },
  'unknown-charset': { pattern: /“(.*)”/, zh: '网页声明了未知的字符集“{1}”' },
  'charset-mismatch': { pattern: /declares (\S+?),? (?:but|which)/, zh: '网页声明的字符集 {1} 与实际编码不符' },
};
