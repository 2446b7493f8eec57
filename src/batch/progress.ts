import { shorten } from '../export/width.js';
import { message } from '../i18n/index.js';

// A one-line progress bar for batches, on stderr. The caller shows it only on a terminal: in a
// pipe or a log file it would be noise.

export interface Progress {
  /** One more input done. */
  advance(failed: boolean): void;
  /** Takes the bar off the screen so that a message can be printed; the next advance draws it again. */
  clear(): void;
}

/** Often enough to look alive, rarely enough to cost nothing next to parsing. */
const REDRAW_EVERY_MS = 100;
const BAR_CELLS = 24;
const CLEAR_LINE = '\r\u001b[K';

function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** `[████████░░░░] 412/1000  41%  失败 2  120/s  剩余 0:05`, fitted to the terminal. */
export function progressLine(done: number, failed: number, total: number, elapsedMs: number, columns: number): string {
  const fraction = total === 0 ? 1 : done / total;
  const filled = Math.round(fraction * BAR_CELLS);
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [
    `[${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}] ${done}/${total}`,
    `${Math.floor(fraction * 100)}%`,
    ...(failed > 0 ? [message('progress.failed', { count: failed })] : []),
    ...(perSecond > 0 ? [`${perSecond.toFixed(perSecond < 10 ? 1 : 0)}/s`, message('progress.left', { time: duration((total - done) / perSecond) })] : []),
  ];
  // One column spare: writing into the last one makes some terminals wrap. Chinese words take two.
  return shorten(parts.join('  '), Math.max(1, columns - 1));
}

export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  let done = 0;
  let failed = 0;
  let drawnAt = -Infinity;
  let shown = false;
  const draw = () => {
    drawnAt = Date.now();
    shown = true;
    stream.write(CLEAR_LINE + progressLine(done, failed, total, drawnAt - start, stream.columns || 80));
  };
  return {
    advance(isFailure) {
      done++;
      if (isFailure) failed++;
      if (done === total) this.clear();
      else if (!shown || Date.now() - drawnAt >= REDRAW_EVERY_MS) draw();
    },
    clear() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
