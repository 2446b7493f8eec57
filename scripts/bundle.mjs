// Bundles the CLI that tsc built in dist/ into dist/bundle/ for a quick cold start (issue 12):
// `taizhang parse notice.txt` loads three files there instead of some sixty modules and
// commander's CommonJS files, which takes a third of its start on a busy machine (each module is
// resolved, read in several asynchronous steps and compiled on its own). The modules a text
// notice needs go into one chunk; everything else stays behind its dynamic import, as in dist/,
// and the libraries in node_modules (commander aside) are loaded from there as before.
// bin/taizhang.js uses the bundle only when it is newer than dist/cli/main.js: a plain `tsc`
// never runs stale code. Without rolldown (an install without dev dependencies) there is no
// bundle and the CLI runs from dist/.
//
//   node scripts/bundle.mjs        (npm run build runs it after tsc)

import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What a parse of one text notice loads by import(): the roots of the chunk that holds them all. */
const TEXT_PARSE_ROOTS = ['cli/main.js', 'cli/parse.js', 'batch/expand.js', 'batch/pool.js', 'pipeline.js', 'read/sheet/csv.js', 'export/json.js'];
/** Bundled with the CLI: imported as CommonJS from an ES module, it costs more than the pipeline's own modules. */
const BUNDLED_PACKAGES = new Set(['commander']);
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
    input: { main: `${dist}cli/main.js`, worker: `${dist}batch/worker.js` },
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !BUNDLED_PACKAGES.has(id),
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
    format: 'esm',
    entryFileNames: '[name].js',
    codeSplitting: { groups: [{ debugName: 'text-parse', name: (id, context) => (inTextParse(id, context) ? 'text-parse' : null) }] },
  });
  await build.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle(fileURLToPath(new URL('..', import.meta.url)));
