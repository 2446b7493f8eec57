import { InputError } from '../errors.js';
import type { MessageKey } from '../i18n/catalog.js';
import { message } from '../i18n/index.js';

export const EXIT = {
  ok: 0,
  /** A bug: something failed that should not have. */
  internal: 1,
  /** The user's to fix: bad input, unreadable or unwritable file, bad command line. */
  usage: 2,
} as const;

/** The exit code for two failures together: a bug outweighs a bad input. */
export function worseExitCode(a: number, b: number): number {
  return a === EXIT.internal || b === EXIT.internal ? EXIT.internal : Math.max(a, b);
}

// Node's own messages repeat the code and the system call: "ENOENT: no such file or directory, open 'x'".
const SYSTEM_ERRORS = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS']);

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Characters that would move the cursor, forge a line or hide text on a terminal: controls, bidi overrides. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

/**
 * A file name as messages print it: as it is, or, when it holds unprintable characters (a newline
 * that would forge a line of the report, an ANSI escape), quoted with them escaped.
 */
export function quoteName(name: string): string {
  return UNPRINTABLE.test(name) ? JSON.stringify(name).replace(UNPRINTABLE_ALL, escapeCharacter) : name;
}

// Every unprintable character is one UTF-16 unit (UNPRINTABLE lists only such).
const escapeCharacter = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A message with unprintable characters escaped, wherever a name was put in it. */
function printable(text: string): string {
  return oneLine(text).replace(UNPRINTABLE_ALL, escapeCharacter);
}

function describe(error: unknown, debug: boolean): { message: string; exitCode: number } {
  if (error instanceof InputError) return { message: error.message, exitCode: error.exitCode };
  if (isSystemError(error)) {
    const known = SYSTEM_ERRORS.has(error.code) ? message(`error.${error.code}` as MessageKey) : error.message;
    return { message: known, exitCode: EXIT.usage };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: message('error.internal', { message: text }) + (debug ? '' : message('error.debugHint')), exitCode: EXIT.internal };
}

/**
 * Prints one line about a failure, `taizhang: <subject>: <message>`, plus the stack trace with
 * --debug, and returns the exit code the failure calls for.
 */
export function reportFailure(subject: string | undefined, error: unknown, debug: boolean): number {
  const { message: text, exitCode } = describe(error, debug);
  const prefix = subject === undefined ? 'taizhang' : `taizhang: ${quoteName(subject)}`;
  process.stderr.write(`${prefix}: ${printable(text)}\n`);
  if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
  return exitCode;
}
