import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, taizhang } from '../support/cli.js';

// The README sends a newcomer to docs/cli.md for the full reference: every command and every
// option the binary's help lists must be there.

const REFERENCE = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');

/** The commands a help text lists (help itself aside). */
const commandsOf = (help: string) =>
  [...help.split('Commands:')[1]?.matchAll(/^ {2}([a-z]+)\b/gm) ?? []].map((m) => m[1]!).filter((name) => name !== 'help');
/** The long options a help text lists (--help itself aside). */
const optionsOf = (help: string) =>
  [...help.split('Options:')[1]!.split('Commands:')[0]!.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((flag) => flag !== '--help');

async function helpOf(command: string[]): Promise<string> {
  const result = await taizhang([...command, '--help', '--lang', 'en']);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('docs/cli.md', () => {
  it('names every command and every option of the binary', async () => {
    const missing: string[] = [];
    const pending: string[][] = [[]];
    for (let command = pending.pop(); command !== undefined; command = pending.pop()) {
      const help = await helpOf(command);
      for (const sub of commandsOf(help)) pending.push([...command, sub]);
      if (command.length > 0 && !REFERENCE.includes(command.join(' '))) missing.push(`taizhang ${command.join(' ')}`);
      for (const flag of optionsOf(help)) if (!REFERENCE.includes(flag)) missing.push(`taizhang ${command.join(' ')} ${flag}`);
    }
    expect(missing).toEqual([]);
  });
});
