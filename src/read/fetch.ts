// Fetching a notice from the web: a timeout, a byte cap on the body as decompressed (an endless
// body or a gzip bomb stops at the input limit), and one clear line when it cannot be had.

import { InputError } from '../errors.js';
import { getMaxInputBytes } from '../limits.js';
import { CappedBytes, tooLarge } from './capped.js';

export interface FetchOptions {
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/** Network failures worth naming, by the error code Node's fetch gives as the cause. */
const NETWORK_FAILURES: Record<string, string> = {
  ENOTFOUND: 'host not found (offline, or no such host)',
  EAI_AGAIN: 'host name lookup failed (offline?)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable (offline?)',
  EHOSTUNREACH: 'host unreachable',
  CERT_HAS_EXPIRED: 'the site’s certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the site’s certificate cannot be verified',
};

function failureCode(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The body, decompressed, read until its end or the input limit (then the download is cancelled). */
async function cappedBody(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  const limit = getMaxInputBytes();
  const capped = new CappedBytes(limit);
  if (response.body === null) return capped.bytes();
  const reader = response.body.getReader();
  try {
    // A declared length past the limit is refused before anything is downloaded.
    if (declared > limit && !response.headers.has('content-encoding')) throw tooLarge(limit);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return capped.bytes();
      capped.add(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml,*/*' } });
    if (!response.ok) throw new InputError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${url}`);
    const bytes = await cappedBody(response);
    return { bytes, contentType: response.headers.get('content-type') ?? undefined };
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (controller.signal.aborted) throw new InputError(`no answer from ${url} within ${timeoutMs / 1000} s`);
    const code = failureCode(error);
    const why = (code && NETWORK_FAILURES[code]) ?? (code ? `network error ${code}` : String((error as Error).message ?? error));
    throw new InputError(`cannot fetch ${url}: ${why}`);
  } finally {
    clearTimeout(timer);
  }
}
