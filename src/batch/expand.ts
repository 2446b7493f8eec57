// The inputs named on the command line, turned into the notices to parse: a folder stands for the
// notices in it, a pattern for the files it matches (the shell may have expanded it already, or not,
// as when it is quoted), and anything else (a file, a URL, - for standard input) for itself.

import { isUtf8 } from 'node:buffer';
import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { isUrl } from '../read/load.js';

export interface InputFile {
  /** Where to read it: a path, a URL, or - for standard input. */
  path: string;
  /** Its place in an output folder: the path below the folder or pattern that found it, or the name of a file named on its own. */
  place: string;
  /** Named on the command line itself, not found in a folder or by a pattern. */
  named: boolean;
  /**
   * The path's bytes, where a name in it is not UTF-8 (a GBK name from an old archive): `path`
   * and `place` then show U+FFFD for each byte that is not, and only these bytes open the file.
   */
  raw?: Buffer;
}

export interface Expansion {
  inputs: InputFile[];
  /** Folders and patterns that yielded nothing, or could not be read. */
  failures: { subject: string; error: Error }[];
  /** Whether any argument was a folder or a pattern: then the inputs are a batch, whatever their number. */
  searched: boolean;
}

/** The files a folder's notices are in, by their extension. */
export const NOTICE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.htm', '.html', '.shtml', '.docx', '.doc', '.wps', '.pdf', '.xlsx', '.csv']);

/** Characters that make an argument a pattern, unless a file has that very name. */
const PATTERN_CHARACTERS = /[*?[\]{}]/;

/** How much of a file without an extension is looked at to tell text from binary. */
const SNIFF_BYTES = 1024;

export async function expandArguments(args: readonly string[]): Promise<Expansion> {
  const expansion: Expansion = { inputs: [], failures: [], searched: false };
  const seen = new Set<string>();
  const add = (input: InputFile) => {
    // The same file reached twice (a folder and a file in it, overlapping patterns) is parsed
    // once; - twice is left for the caller to refuse, as standard input can be read only once.
    const key = isUrl(input.path) ? input.path : `${resolve(input.path)}${input.raw ? `\0${input.raw.toString('hex')}` : ''}`;
    if (input.path !== '-' && seen.has(key)) return;
    seen.add(key);
    expansion.inputs.push(input);
  };
  for (const arg of args) {
    const kind = await kindOf(arg);
    if (kind === 'item') {
      add({ path: arg, place: arg === '-' ? 'stdin' : basename(arg), named: true });
      continue;
    }
    expansion.searched = true;
    const failuresBefore = expansion.failures.length;
    const found = kind === 'folder' ? await noticesIn(arg, expansion.failures) : await filesMatching(arg);
    // A folder that could not be read has been reported already.
    if (found.length === 0 && expansion.failures.length === failuresBefore) {
      const why = kind === 'folder' ? `no notices found (${[...NOTICE_EXTENSIONS].join(' ')}, or text without an extension)` : 'no file matches this pattern';
      expansion.failures.push({ subject: arg, error: new InputError(why) });
    }
    for (const input of found) add(input);
  }
  return expansion;
}

async function kindOf(arg: string): Promise<'item' | 'folder' | 'pattern'> {
  if (arg === '-' || isUrl(arg)) return 'item';
  try {
    return (await stat(arg)).isDirectory() ? 'folder' : 'item';
  } catch {
    // No such path: a pattern if it looks like one, else a missing file, which reading reports.
    return PATTERN_CHARACTERS.test(arg) ? 'pattern' : 'item';
  }
}

/**
 * The notices below a folder, in name order, depth first: files with a notice extension, and
 * files without an extension that hold text. Hidden files and folders (.name) are skipped, and
 * so are links to folders (they could loop).
 */
async function noticesIn(folder: string, failures: Expansion['failures']): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const walk = async (below: Omit<InputFile, 'named'>): Promise<void> => {
    let entries: Dirent<Buffer>[];
    try {
      // Names as bytes: decoded, a name that is not UTF-8 would no longer name its file.
      entries = await readdir(below.raw ?? below.path, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      failures.push({ subject: below.path, error: error as Error });
      return;
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Buffer.compare(a.entry.name, b.entry.name)));
    for (const { entry, name } of named) {
      if (name.startsWith('.')) continue;
      const raw = below.raw || !isUtf8(entry.name) ? Buffer.concat([below.raw ?? Buffer.from(below.path), Buffer.from(sep), entry.name]) : undefined;
      const file = { path: join(below.path, name), place: join(below.place, name), ...(raw && { raw }) };
      if (entry.isDirectory()) await walk(file);
      else if ((await isFile(entry, raw ?? file.path)) && (await looksLikeNotice(file.path, raw))) found.push({ ...file, named: false });
    }
  };
  await walk({ path: join(folder, ''), place: '' });
  return found;
}

async function isFile(entry: Dirent<Buffer>, path: string | Buffer): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // a dangling link
  }
}

async function looksLikeNotice(path: string, raw: Buffer | undefined): Promise<boolean> {
  const extension = extname(path).toLowerCase();
  if (extension !== '') return NOTICE_EXTENSIONS.has(extension);
  // Saved pages often have no extension; text has no NUL bytes, binary files nearly always do.
  try {
    const handle = await open(raw ?? path);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
      return bytesRead > 0 && !buffer.subarray(0, bytesRead).includes(0);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** The folder a pattern's matches are placed below: its path up to the first segment with a pattern character. */
function fixedFolderOf(pattern: string): string {
  const segments = pattern.split('/');
  const fixed = segments.slice(0, segments.findIndex((segment) => PATTERN_CHARACTERS.test(segment)));
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

/** The files a pattern matches, as the shell would expand it: every file, hidden ones aside, in name order. */
async function filesMatching(pattern: string): Promise<InputFile[]> {
  // Loaded only for a pattern the shell left alone.
  const { glob } = await import('tinyglobby');
  const folder = fixedFolderOf(pattern);
  const matches = await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false, absolute: true });
  return matches.sort().map((match) => {
    const place = relative(resolve(folder), match);
    return { path: join(folder, place), place, named: false };
  });
}
