import { WRITTEN_DATE } from '../vocabulary/numerals.js';
import { ALL_DISCLOSURE_LABELS, disclosedValue, disclosureField, NOTICE_TITLE, type DisclosureField } from '../vocabulary/disclosure.js';
import { keyFlag, PIPE, TAB } from './scan.js';

// Site chrome and junk: lines a web page or a crawler added around the notice. Each pattern names
// the reason reported when the line is dropped. Patterns are tested against a cleaned line.
export interface ChromeRule {
  reason: string;
  pattern: RegExp;
  /** Such chrome is never longer than this: a longer line is not tested (most lines are long). */
  maxLength: number;
  /**
   * For a pattern that searches the whole line: characters one of which its every match holds, with
   * every character the cleaning writes as one of them (the traditional 備 of 备, Ｃ of C; one beyond
   * the Basic Multilingual Plane keys its whole surrogate range). A line whose scan found none of
   * them is not tested (most lines hold none).
   */
  keys?: string;
  /** The scan's flag for the keys. */
  keyFlag?: number;
}

/**
 * Pasted text that lost the start of a label (文 号 → 号, 主题词 → 词) leaves these behind; 号 then
 * still holds a document number (checked to be one).
 */
const CUT_LABELS: Record<string, DisclosureField> = { 号: 'docNumber', 词: 'other' };
const TEXT_LABELS = [...ALL_DISCLOSURE_LABELS, ...Object.keys(CUT_LABELS)];

/** Labels a page's article header has besides the disclosure block's. */
const PAGE_LABELS = ['生成日期', '信息格式', '生命周期', '内容概述', '作者', '责任编辑', '编辑', '文章来源', '来源', '时间', '点击次数', '阅读次数', '字数'];

// A rule that searches the whole line stands apart from its anchored alternatives, with its keys.
const RULES: ChromeRule[] = [
  { reason: 'breadcrumb', maxLength: 120, pattern: /^(您|你)?(当前|现在)?(所在)?的?(位置|所在位置)[：>]|^当前位置/ },
  { reason: 'breadcrumb', maxLength: 120, keys: '>»›＞', pattern: /首页\s*[>»›]|^[^>»›＞]{1,24}((>>?|»|›|＞)[^>»›＞]{1,24}){2,}$/ },
  { reason: 'page counter', maxLength: 40, pattern: /^(访问量|访量|浏览量|浏览次数|阅读量|阅读次数|点击量|点击数|点击率|访问次数)[：]?/ },
  { reason: 'font and print bar', maxLength: 80, pattern: /^【?(字体|字号)[：]?/ },
  {
    reason: 'font and print bar', maxLength: 80, keys: '【字',
    pattern: /【(打印|关闭|关闭窗口|打印本页|收藏)】|字体(显示)?\s*[：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中|字号\s*[：]\s*[【[]?\s*[大中小T]/,
  },
  {
    reason: 'page buttons', maxLength: 40,
    pattern:
      /^(打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏|加入收藏|分享到|分享|上一篇|下一篇|头部|尾部|信息详情|正文|【.{1,4}】)\s*[：]?$|^([【[]?\s*(打印(本页|此页|本稿|本文)?|关闭(窗口|本页)?|收藏(本页)?|推荐|纠错|返回顶部|返回)\s*[】\]]?\s*)+$|^(【[^【】]{0,4}|[^【】]{0,4}】)$|^(分享到|分享)\s*[：]|^(上一篇|下一篇)\s*[：]/,
  },
  { reason: 'pagination', maxLength: 40, pattern: /^(\[\d+\]\s*)+$/ },
  // A printed page's number a copy of the print kept (— 2 —, 第3页 共5页); a bare number may be a table's 序号 and stays.
  { reason: 'page number', maxLength: 16, pattern: /^[-—–－―─~～]+\s*\d{1,3}\s*[-—–－―─~～]+$|^第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?$|^共\s*\d{1,3}\s*页\s*[,，]?\s*第\s*\d{1,3}\s*页$/ },
  {
    reason: 'QR code', maxLength: 30,
    pattern: /^(微信|手机)?(扫码|扫一扫|扫描二维码)[^。，；]{0,12}$|^[^。，；（]{0,10}二维码$|扫一扫|扫码(浏览|阅读|查看|关注|打开|分享)|二维码(分享|浏览|查看)|在手机上?(打开|查看|浏览)/,
  },
  { reason: 'byline', maxLength: 80, pattern: /^[（(]?责任编辑\s*[：]|\s(来源|信息来源|文章来源|发布时间|浏览次数|访问量|作者)\s*[：]/ },
  { reason: 'web address', maxLength: 80, pattern: /^(https?:\/\/)?([\w-]+\.)+[a-z]{2,}(\/\S*)?$/i },
  { reason: 'download link', maxLength: 20, pattern: /^(附件下载|文件下载|全真版|文字版)$|^([a-z]{2,5}\s*)?下载(\s*[a-z]{2,5}\s*下载)*$/i },
  {
    reason: 'site footer', maxLength: 300,
    pattern: /^(主办单位|承办单位|维护单位|网站标识码|联系方式|联系电话|联系地址|电子邮箱|邮编|传真)[：]|^(网站地图|联系我们|关于我们|网站声明|隐私声明)$/,
  },
  {
    reason: 'site footer', maxLength: 300, keys: '版Cc©凡稿技码Ii备備碼\u{2f809}ＣｃＩｉ',
    pattern: /版权所有|Copyright|©|凡本网注明|稿件来源|技术支持\s*[：]|网站识别码|ICP备|ICP证|公网安备|公安备案/i,
  },
  { reason: 'disclosure metadata', maxLength: 160, pattern: new RegExp(`^(${[...TEXT_LABELS, ...PAGE_LABELS].join('|')})[：]`) },
  { reason: 'document-sharing header', maxLength: 120, pattern: /^(文档编号|上传时间|上传者|贡献者|格式|文档格式|页数|大小|文件大小|下载积分|下载券|浏览)[：]|^海报$/ },
  { reason: 'document-sharing header', maxLength: 120, keys: '员阅搜侵V員蒐閱閲\ufa8eＶ', pattern: /由会员分享|可在线阅读|请在.{1,10}上搜索|侵权投诉|VIP专免/ },
  { reason: 'file name', maxLength: 84, pattern: /^[^\s。，；：]{1,80}\.(pdf|docx?|wps|xlsx?|et|ofd|txt|rar|zip)$/i },
  { reason: 'login bar', maxLength: 20, pattern: /^(登录|注册|登陆)(\s*[|｜/]?\s*(登录|注册|登陆|退出))+$/ },
  { reason: 'publishing time', maxLength: 30, pattern: /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s+\d{1,2}[:：]\d{2}([:：]\d{2})?$/ },
  { reason: 'publication note', maxLength: 16, pattern: /^[（(]此件.{0,8}[)）]$/ },
  // 印发 looked for first: most short lines end otherwise, and the date is tried at 30 places.
  { reason: 'print line', maxLength: 50, keys: '印', pattern: new RegExp(`^(?=.*印发$).{0,30}${WRITTEN_DATE}印发$`) },
  { reason: 'contact line', maxLength: 80, pattern: /^[（(]?联\s*系\s*人\s*[：:]/ },
  // The colophon's addressees, wherever a copy sets them: the 主送 line is read for the meta.
  { reason: 'recipients line', maxLength: 200, pattern: /^主\s*送\s*[：:]/ },
  { reason: 'copy-to line', maxLength: 200, pattern: /^抄\s*[送报]\s*[：:]/ },
  { reason: 'related links', maxLength: 200, pattern: /^(相关(链接|文件|文章|阅读|新闻|稿件|信息)|延伸阅读|推荐阅读|热点推荐|友情链接)\s*[：:]/ },
  { reason: 'social media account', maxLength: 10, pattern: /^(政务微信|政务微博|官方微信|官方微博|微信公众号|今日头条号|手机版|移动版)$/ },
];

export const CHROME_RULES: ChromeRule[] = RULES.map((rule) => (rule.keys === undefined ? rule : { ...rule, keyFlag: keyFlag(rule.keys) }));

// Spam a compromised site injects: a short line made of two or more of these words, with none of
// the punctuation of a sentence.
const SPAM_WORDS = /字幕|久久|精品|无码|在线观看|免费观看|彩票|棋牌|娱乐城|博彩|六合彩|成人|色情|高清|国产|日韩|欧美|亚洲|av/gi;
const SPAM_MAX_LENGTH = 40;

/** Chrome is a caption, a button or a footer: a longer line is a paragraph of the notice. */
const CHROME_MAX_LENGTH = Math.max(...CHROME_RULES.map((rule) => rule.maxLength));

/**
 * A line as chrome is tested: metadata comes as `[索引号]…`, `1. [索引号]…`, `（1）[索引号]…`,
 * `索 引 号：…`, and as pipe rows `索引号： | 1134… | 组配分类： | 工作推进 |` (`flags`: the scan's,
 * when known: a line read without a “|” or a tab is no pipe row).
 */
export function chromeForm(line: string, flags = ~0): string {
  let text = line;
  // Each step only where its first character can be: most lines need none.
  if (LIST_START.test(text)) text = text.replace(/^\s*(\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[-·•])\s*(?=[[【\u4e00-\u9fff])/, '');
  if (BRACKET_START.test(text)) text = text.replace(/^[[【［]([\u4e00-\u9fff]{1,8})[\]】］]\s*[：]?\s*/, '$1：');
  if ((flags & (PIPE | TAB)) !== 0 && text.includes('|')) text = text.split('|').map((cell) => cell.trim()).filter(Boolean).join(' ').replace(/：\s+/g, '：');
  // Spaces that set a label's characters apart: 索 引 号：
  if (SPACED_START.test(text)) text = text.replace(/^([\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,5})\s*(?=[：:])/, (label) => label.replace(/\s+/g, ''));
  return text;
}
const LIST_START = /^\s*[\d\-·•（(]/;
const BRACKET_START = /^[[【［]/;
const SPACED_START = /^\S\s/;

/**
 * The reason a cleaned line is chrome or junk, or null when it may be part of the notice. `flags`:
 * what the scan found in the line as read (scanLines), to pass over rules whose keys it lacks.
 */
export function chromeReason(line: string, flags = ~0): string | null {
  if (line.length > CHROME_MAX_LENGTH) return null;
  const text = chromeForm(line, flags);
  for (const rule of CHROME_RULES) {
    if (text.length <= rule.maxLength && (rule.keyFlag === undefined || (flags & rule.keyFlag) !== 0) && rule.pattern.test(text)) return rule.reason;
  }
  if (text.length <= SPAM_MAX_LENGTH && !/[，。；：、（）]/.test(text) && (text.match(SPAM_WORDS)?.length ?? 0) >= 2) return 'spam';
  return null;
}

/** A label alone, with the spaces some pages set between its characters: 索 引 号 */
const LABEL_ALONE_MAX = 14;

/** A disclosure label standing alone on its line: its value is the next line. */
export function labelAlone(line: string): boolean {
  if (line.length > LABEL_ALONE_MAX) return false;
  const word = line.replace(/\s+/g, '').replace(/[：:]$/, '');
  return word.length <= 6 && disclosureField(word) !== null;
}

/** `label：value` pairs, a value running up to the next label. */
const LABELLED_PAIRS = new RegExp(`(${TEXT_LABELS.join('|')})[：]\\s*(.*?)(?=\\s*(?:${TEXT_LABELS.join('|')})[：]|$)`, 'g');

export type MetaHint = 'docNumber' | 'issuer' | 'date' | 'title' | 'noticeTitle';

/** The notice's details a metadata line holds: `label：value` pairs, several to a line. */
export function metadataOf(line: string): Partial<Record<MetaHint, string>> {
  const found: Partial<Record<MetaHint, string>> = {};
  const text = chromeForm(line);
  const pairs = text.matchAll(LABELLED_PAIRS);
  for (const [, label, raw] of pairs) {
    const field: DisclosureField | null = Object.hasOwn(CUT_LABELS, label!) ? CUT_LABELS[label!]! : disclosureField(label!);
    const value = field === null ? null : disclosedValue(field, raw!);
    if (value === null) continue;
    if (field === 'docNumber' || field === 'issuer' || field === 'date') found[field] ??= value;
    else if (field === 'title') found[NOTICE_TITLE.test(value) ? 'noticeTitle' : 'title'] ??= value.replace(/\s+/g, '');
  }
  return found;
}
