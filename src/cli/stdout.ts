import { supportsColor, type ColorSupportLevel } from 'chalk';

/**
 * Colour depth for output on stdout. chalk's detection honours FORCE_COLOR and TERM, but ignores
 * NO_COLOR and colours some CI pipes; without FORCE_COLOR, only a terminal gets colour.
 */
export function stdoutColorLevel(env: NodeJS.ProcessEnv = process.env): ColorSupportLevel {
  const detected = supportsColor === false ? 0 : supportsColor.level;
  if (env.FORCE_COLOR !== undefined) return detected;
  if (env.NO_COLOR || !process.stdout.isTTY) return 0;
  return detected;
}

/** Columns of the terminal on stdout, when it is one. */
export function stdoutWidth(): number | undefined {
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}
