// The language of taizhang's messages: Chinese, unless `--lang en` or an English locale
// (LC_ALL, LC_MESSAGES or LANG = en_*) asks for English.
import type { Warning } from '../model.js';
import { MESSAGES, type MessageKey, WARNING_TEXTS } from './catalog.js';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/**
 * Set by `--lang`, read by worker threads too: they start with a copy of the main thread's
 * environment.
 */
const LANGUAGE_VARIABLE = 'TAIZHANG_LANG';

/** The language the environment asks for: TAIZHANG_LANG, else the locale (the first of LC_ALL, LC_MESSAGES, LANG that is set). */
export function languageOf(env: NodeJS.ProcessEnv): Language {
  const chosen = env[LANGUAGE_VARIABLE];
  if (chosen === 'zh' || chosen === 'en') return chosen;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale?.toLowerCase().startsWith('en') === true ? 'en' : 'zh';
}

let current: Language | undefined;

export function language(): Language {
  return (current ??= languageOf(process.env));
}

/** Chooses the language of this process and of the worker threads it starts. */
export function setLanguage(chosen: Language): void {
  current = chosen;
  process.env[LANGUAGE_VARIABLE] = chosen;
}

const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** A message of the catalog in the current language. */
export function message(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][language()], params);
}

/** A warning's message as the user reads it, without its line and code: `乱码“…”`. */
export function warningMessage(warning: Warning): string {
  const variants = [WARNING_TEXTS[warning.code] ?? []].flat();
  for (const { pattern, zh } of language() === 'zh' ? variants : []) {
    const details = pattern === undefined ? [] : pattern.exec(warning.message);
    if (details !== null) return fill(zh, Object.fromEntries(details.map((part, index) => [index, part ?? ''])));
  }
  return warning.message;
}

/**
 * A warning as the user reads it: `第3行 [mojibake] 乱码“…”`. Its line is told in `lineLanguage`:
 * an output's own language (the outline is Chinese; csv, md and xlsx follow --header).
 */
export function warningText(warning: Warning, lineLanguage: Language = language()): string {
  const where = warning.line === null ? '' : fill(MESSAGES['warning.line'][lineLanguage], { line: warning.line });
  return `${where}[${warning.code}] ${warningMessage(warning)}`;
}
