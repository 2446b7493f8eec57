// Bundles the CLI that tsc built in dist/ into dist/bundle/ for a quick cold start (issue 12):
// `taizhang parse notice.txt` loads three files there instead of some sixty modules and
// commander's CommonJS files, which takes a third of its start on a busy machine (each module is
// resolved, read in several asynchronous steps and compiled on its own). The modules a text
// notice needs go into one chunk; everything else stays behind its dynamic import, as in dist/,
// and the libraries in node_modules (commander aside) are loaded from there as before.
//
// The bundle is CommonJS (dist/bundle/package.json says so) so that it can be compiled with V8's
// code cache, which Node 20 offers to scripts but not to ES modules: src/cli/bundle.ts loads it
// with the cache this script writes after a sample parse (dist/bundle/*.cache), and a cold parse
// then compiles almost nothing. A cache V8 does not accept (another Node) is simply not used.
//
// bin/taizhang.js uses the bundle only when it is newer than dist/cli/main.js: a plain `tsc`
// never runs stale code. Without rolldown (an install without dev dependencies) there is no
// bundle and the CLI runs from dist/.
//
//   node scripts/bundle.mjs        (npm run build runs it after tsc)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a parse of one text notice loads by import(): the roots of the chunk that holds them all. */
const TEXT_PARSE_ROOTS = ['cli/main.js', 'cli/parse.js', 'batch/expand.js', 'batch/pool.js', 'pipeline.js', 'read/sheet/csv.js', 'export/json.js'];
/**
 * Bundled with the CLI: commander, whose CommonJS files cost more to load one by one than the
 * pipeline's own modules; chalk, an ES module only, which the CommonJS bundle could not require on
 * Node 20 before 20.19; sql.js's JavaScript, 100 kB that every track, due and status command
 * compiled anew (in the bundle it is in the code cache; its WebAssembly stays in node_modules).
 */
const BUNDLED_PACKAGES = new Set(['commander', 'chalk', 'sql.js']);
/**
 * commander requires node:child_process at start, for executable subcommands taizhang does not
 * have; loading it (with net, dgram, …) is a tenth of a cold start. Within the bundle commander
 * gets it on first use instead.
 */
const LAZY_CHILD_PROCESS = '\0lazy-child-process';
const lazyChildProcess = {
  name: 'lazy-child-process',
  resolveId(source, importer) {
    if (source !== 'node:child_process') return null;
    return importer?.includes('/node_modules/commander/') ? LAZY_CHILD_PROCESS : { id: source, external: true };
  },
  load(id) {
    if (id !== LAZY_CHILD_PROCESS) return null;
    return "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });";
  },
};
/**
 * What an ES module has that the bundle's CommonJS needs: import.meta (each chunk's own URL, and
 * resolution from it — dist/ uses both to find data files and libraries; the bundle sits as deep
 * in the package as dist/'s folders), and import() of the libraries that are ES modules (PDF.js,
 * tinyglobby). import() in code that vm.Script compiled needs a flag in Node 20, so the chunks
 * call the loader's (src/cli/bundle.ts passes it as __hostImport); Node's own loader (worker
 * threads) gives none and the chunk's own import() serves.
 */
const IMPORT_META = {
  'import.meta.url': '__importMetaUrl',
  'import.meta.resolve': '__importMetaResolve',
};
const CHUNK_PRELUDE = [
  "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
  "const __importMetaResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;",
  "const __dynamicImport = typeof __hostImport === 'function' ? __hostImport : (specifier) => import(specifier);",
].join('\n');
const DYNAMIC_IMPORT = /\bimport\(/g;
/**
 * createRequire(import.meta.url) is the chunk's own require in CommonJS: node:module, which Node
 * loads with its source-map support, is not needed for it.
 */
const CREATE_REQUIRE = /\(0, (node_module\w*)\.createRequire\)\(__importMetaUrl\)/g;
function withoutCreateRequire(code) {
  const bindings = new Set([...code.matchAll(CREATE_REQUIRE)].map((m) => m[1]));
  let out = code.replace(CREATE_REQUIRE, 'require');
  for (const binding of bindings) {
    if (!out.includes(`${binding}.`)) out = out.replace(`let ${binding} = require("node:module");\n`, '');
  }
  return out;
}
const commonJsChunks = {
  name: 'common-js-chunks',
  renderChunk: (code) => `${CHUNK_PRELUDE}\n${withoutCreateRequire(code).replace(DYNAMIC_IMPORT, '__dynamicImport(')}`,
};
/**
 * The sample runs that write the code cache, in order: each run starts from the cache the ones
 * before wrote and adds what it compiled, so the year-long commands go first and the parse of a
 * simplified and a traditional notice last (its start matters most; a short run keeps the
 * functions it did not use).
 */
const CACHE_NOTICE = 'fixtures/notices/yancheng-2016.txt';
const cacheRuns = (db, sheet) => [
  ['track', 'add', CACHE_NOTICE, '--db', db],
  ['track', 'export', '--db', db, '--unit', '市财政局', '-o', sheet],
  ['track', 'import', '--db', db, sheet],
  ['status', '--db', db, '--format', 'json'],
  ['due', '--db', db, '--format', 'json'],
  ['parse', CACHE_NOTICE, 'fixtures/notices/taishan-2019.txt', '--jsonl'],
];
/** Notices rolldown gives about dynamic imports of modules that the chunk holds anyway. */
const QUIET_CODES = new Set(['INEFFECTIVE_DYNAMIC_IMPORT']);

export async function bundle(root, who = 'bundle') {
  const dist = `${root}dist/`;
  const out = `${dist}bundle/`;
  rmSync(out, { recursive: true, force: true });
  let rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    console.warn(`${who}: rolldown is not installed; the CLI runs from dist/ unbundled`);
    return;
  }
  const roots = TEXT_PARSE_ROOTS.map((path) => `${dist}${path}`);
  const build = await rolldown({
    // start: the loader bin/taizhang.js requires, which loads the rest with the code cache.
    input: { main: `${dist}cli/main.js`, worker: `${dist}batch/worker.js`, start: `${dist}cli/bundle.js` },
    platform: 'node',
    plugins: [lazyChildProcess, commonJsChunks],
    transform: { define: IMPORT_META },
    external: (id) => !/^[./#\0]/.test(id) && !BUNDLED_PACKAGES.has(id) && id !== 'node:child_process',
    onLog: (level, log, handler) => {
      if (!QUIET_CODES.has(log.code)) handler(level, log);
    },
  });
  let textParse;
  /** The modules the roots import statically, found once the graph is known. */
  const inTextParse = (id, context) => {
    if (!textParse) {
      textParse = new Set();
      const pending = [...roots];
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (textParse.has(next)) continue;
        textParse.add(next);
        pending.push(...(context.getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return textParse.has(id);
  };
  await build.write({
    dir: out,
    format: 'cjs',
    entryFileNames: '[name].js',
    codeSplitting: { groups: [{ debugName: 'text-parse', name: (id, context) => (inTextParse(id, context) ? 'text-parse' : null) }] },
  });
  await build.close();
  writeFileSync(`${out}package.json`, '{ "type": "commonjs" }\n');
  writeCompileCache(root, who);
}

/** The sample runs with TAIZHANG_WRITE_COMPILE_CACHE set: src/cli/bundle.ts then writes the cache of what each compiled. */
function writeCompileCache(root, who) {
  const work = mkdtempSync(join(tmpdir(), 'taizhang-cache-'));
  try {
    for (const args of cacheRuns(join(work, 'taizhang.db'), join(work, 'sheet.xlsx'))) {
      const result = spawnSync(process.execPath, ['bin/taizhang.js', ...args], {
        cwd: root,
        env: { ...process.env, TAIZHANG_WRITE_COMPILE_CACHE: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      if (result.status !== 0) console.warn(`${who}: taizhang ${args[0]} failed while writing the code cache: ${result.stderr.trim().split('\n').at(-1)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle(fileURLToPath(new URL('..', import.meta.url)));
