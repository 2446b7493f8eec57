// Loads the bundled CLI (dist/bundle/, CommonJS: scripts/bundle.mjs) with V8's code cache. Node 20
// caches no compiled code of its own (module.enableCompileCache is Node 22), but vm.Script takes
// a cache: a cold `taizhang parse` then skips compiling the bundle's 300 kB, and the functions
// the sample parse ran, which is a third of its start. Each file's cache is written next to it
// by the build (TAIZHANG_WRITE_COMPILE_CACHE=1 on sample runs, scripts/bundle.mjs); a cache V8 rejects (another
// Node version) costs only its reading, and the file is compiled as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

interface LoadedModule {
  exports: Record<string, unknown>;
}

const hostImport = (specifier: string): Promise<unknown> => import(specifier);
/** What the bundle's files require from outside it: they sit beside this loader (dist/bundle/). */
const requireOutside = createRequire(import.meta.url);
/**
 * Libraries of one self-contained CommonJS file that the bundle requires, compiled with the cache
 * too (kept in the bundle's folder): OpenCC's tables, 110 kB that a traditional notice's parse
 * compiled anew each time.
 */
const CACHED_LIBRARIES = new Set(['opencc-js/t2cn', 'opencc-js/cn2t']);

/** The bundle's files, each once; a name outside the bundle (node:fs, cheerio) is Node's to load. */
export function loadBundle(folder: string): (file: string) => Record<string, unknown> {
  const modules = new Map<string, LoadedModule>();
  const compiled: { script: Script; path: string }[] = [];
  const load = (path: string, cachePath = `${path}.cache`): Record<string, unknown> => {
    const known = modules.get(path);
    if (known !== undefined) return known.exports;
    const module: LoadedModule = { exports: {} };
    modules.set(path, module);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // No cache for this file: compiled as usual.
    }
    // The wrapper Node gives a CommonJS file, and an import() (see scripts/bundle.mjs).
    const source = `(function (exports, require, module, __filename, __dirname, __hostImport) {${readFileSync(path, 'utf8')}\n})`;
    const script = new Script(source, { filename: path, cachedData });
    compiled.push({ script, path: cachePath });
    const require = Object.assign(
      (id: string) =>
        id.startsWith('./')
          ? load(join(dirname(path), id))
          : CACHED_LIBRARIES.has(id)
            ? load(requireOutside.resolve(id), join(folder, `${id.replace(/\W/g, '_')}.cache`))
            : requireOutside(id),
      { resolve: requireOutside.resolve },
    );
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, path, dirname(path), hostImport);
    return module.exports;
  };
  if (process.env.TAIZHANG_WRITE_COMPILE_CACHE) {
    // At exit, the cache holds every function the run compiled, not only the files' top level.
    process.once('exit', () => {
      try {
        for (const { script, path } of compiled) writeFileSync(path, script.createCachedData());
      } catch {
        // A folder the user may not write to: the bundle runs as well without a cache.
      }
    });
  }
  return (file) => load(join(folder, file));
}
