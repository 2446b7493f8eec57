import { supportsColor, type ColorSupportLevel } from 'chalk';

/**
 * Colour depth for output on stdout, as no-color.org and FORCE_COLOR say: a non-empty NO_COLOR
 * turns colour off, even with FORCE_COLOR; FORCE_COLOR turns it on in a pipe (chalk reads its
 * level: 0 or false for none); otherwise only a terminal gets colour.
 */
export function stdoutColorLevel(env: NodeJS.ProcessEnv = process.env): ColorSupportLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const detected = supportsColor === false ? 0 : supportsColor.level;
  if (env.FORCE_COLOR !== undefined) return detected;
  return process.stdout.isTTY ? detected : 0;
}

/** Columns of the terminal on stdout, when it is one. */
export function stdoutWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}
