// Cold-start baseline for bench.mjs: the least any tool converting a notice to simplified Chinese
// must do — start Node, load opencc-js's t→cn tables, read the file, convert it, print it.
//
//   node bench/opencc-only.mjs fixtures/notices/yancheng-2016.txt

import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
process.stdout.write(toSimplified(readFileSync(process.argv[2], 'utf8')));
