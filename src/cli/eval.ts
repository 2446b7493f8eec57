import type { Command } from 'commander';
import { formatFigures, THRESHOLDS } from '../eval/score.js';

interface EvalOptions {
  gold: string;
  check?: boolean;
}

/**
 * `taizhang eval NOTICE... --gold DIR`: how well the rules read these notices, scored against
 * hand-made gold ledgers (DIR/<notice name>.json), for a user adapting the rules to a new city.
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the ledgers of notices against gold ledgers of the same name')
    .argument('<files...>', 'notices, or ledgers already parsed (.json)')
    .requiredOption('--gold <dir>', 'folder of gold ledgers, <notice name>.json')
    .option('--check', `exit 1 when a figure is below its threshold (${formatFigures(THRESHOLDS)})`)
    .action(async (files: string[], options: EvalOptions) => {
      const { evaluate, failures } = await import('../eval/run.js');
      const { results, total } = await evaluate(files, options.gold);
      for (const { name, score } of results) {
        process.stdout.write(`${name}: ${formatFigures(score.figures)}\n`);
        for (const miss of score.metaMisses) process.stdout.write(`    meta ${miss}\n`);
      }
      process.stdout.write(`TOTAL: ${formatFigures(total)}\n`);
      const below = failures(results, total);
      if (options.check && below.length) {
        process.stdout.write(`below threshold: ${below.join('; ')}\n`);
        process.exitCode = 1;
      }
    });
}
