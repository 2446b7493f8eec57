import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/export/write.js';
import { temporaryFolder } from '../support/folder.js';

const folder = temporaryFolder('taizhang-write-', { each: true });

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temporary file behind', async () => {
    const target = join(folder.path, 'ledger.json');
    await writeFileAtomic(target, '{}\n');
    expect(await readFile(target, 'utf8')).toBe('{}\n');
    expect(await readdir(folder.path)).toEqual(['ledger.json']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(folder.path, 'ledger.csv');
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('creates missing folders', async () => {
    const target = join(folder.path, 'a', 'b', 'ledger.md');
    await writeFileAtomic(target, '# 台账\n');
    expect(await readFile(target, 'utf8')).toBe('# 台账\n');
  });

  it('refuses to overwrite an input file, also through another path or a symbolic link', async () => {
    const input = join(folder.path, 'notice.txt');
    await writeFile(input, '关于印发……的通知');
    await symlink(input, join(folder.path, 'link.txt'));
    await mkdir(join(folder.path, 'sub'));
    for (const target of [input, join(folder.path, 'sub', '..', 'notice.txt'), join(folder.path, 'link.txt')]) {
      await expect(writeFileAtomic(target, 'ledger', { inputs: [input] })).rejects.toThrow(InputError);
    }
    expect(await readFile(input, 'utf8')).toBe('关于印发……的通知');
  });

  it('writes next to an input without complaint', async () => {
    const input = join(folder.path, 'notice.txt');
    await writeFile(input, 'notice');
    await writeFileAtomic(join(folder.path, 'notice.json'), '{}', { inputs: [input, join(folder.path, 'missing.txt')] });
    expect(await readFile(join(folder.path, 'notice.json'), 'utf8')).toBe('{}');
  });

  it('leaves neither a partial file nor a temporary one when the write fails', async () => {
    // A directory in the way makes the final rename fail after the data has been written.
    const target = join(folder.path, 'ledger.json');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(folder.path)).toEqual(['ledger.json']);
    expect(await readdir(target)).toEqual([]);
  });
});
