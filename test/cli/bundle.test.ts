import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/cli/bundle.js';

// A bundle as scripts/bundle.mjs writes one: CommonJS chunks requiring each other by ./name, and
// import() through the loader's __hostImport.
const CHUNKS = {
  'main.js': "const shared = require('./shared.js');\nexports.run = async () => `${shared.word} ${(await __hostImport('node:os')).EOL === '\\n'}`;\n",
  'shared.js': "exports.word = 'loaded';\nexports.file = __filename;\n",
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'taizhang-bundle-'));
  for (const [name, code] of Object.entries(CHUNKS)) writeFileSync(join(folder, name), code);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const loaderUrl = pathToFileURL(join(import.meta.dirname, '../../dist/cli/bundle.js')).href;
/** Loads the folder's main.js in a process of its own, as bin/taizhang.js does. */
function runMain(env: Record<string, string> = {}) {
  const script = `const { loadBundle } = await import(${JSON.stringify(loaderUrl)}); console.log(await loadBundle(${JSON.stringify(folder)})('main.js').run());`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the bundle loader', () => {
  it('loads CommonJS chunks that require each other, with __filename and an import()', async () => {
    const load = loadBundle(folder);
    const main = load('main.js') as { run: () => Promise<string> };
    expect(await main.run()).toBe(`loaded ${process.platform !== 'win32'}`);
    expect(load('shared.js').file).toBe(join(folder, 'shared.js'));
  });

  it('writes each chunk’s code cache at exit when asked, and only then', () => {
    expect(runMain().stdout.trim()).toBe('loaded true');
    expect(readdirSync(folder).filter((name) => name.endsWith('.cache'))).toEqual([]);
    expect(runMain({ TAIZHANG_WRITE_COMPILE_CACHE: '1' }).stdout.trim()).toBe('loaded true');
    expect(existsSync(join(folder, 'main.js.cache')) && existsSync(join(folder, 'shared.js.cache'))).toBe(true);
    // With the caches: the same result.
    expect(runMain().stdout.trim()).toBe('loaded true');
  });

  it('is built with the caches of its chunks and of OpenCC’s tables, which a traditional notice loads', () => {
    const built = readdirSync(join(import.meta.dirname, '../../dist/bundle'));
    expect(built).toContain('main.js.cache');
    expect(built).toContain('opencc_js_t2cn.cache');
    expect(built.some((name) => /^text-parse-.*\.js\.cache$/.test(name))).toBe(true);
  });

  it('compiles as usual when a cache is not V8’s (another Node, a damaged file)', () => {
    writeFileSync(join(folder, 'main.js.cache'), 'not a code cache');
    const result = runMain();
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('loaded true');
  });
});
