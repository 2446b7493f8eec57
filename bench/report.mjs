// What the benchmarks print alike. MB = 10^6 bytes.

import { cpus } from 'node:os';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatMB(bytes) {
  return (bytes / 1e6).toFixed(1);
}

/** Node's version and the processor, for the line above a table of figures. */
export function machine() {
  return `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`;
}
