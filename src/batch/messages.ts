// What passes between the pool and its worker threads. Only plain data crosses a thread
// boundary, so errors travel flattened and are rebuilt on the other side.

import { InputError } from '../errors.js';
import type { BatchInput, ParsedInput, RenderingRequest } from './produce.js';

export interface Job {
  /** The pool's number for the job, which the reply carries back. */
  id: number;
  input: BatchInput;
  request: RenderingRequest;
}

export interface SentError {
  message: string;
  stack?: string;
  /** Set for an InputError (the user's to fix), with its exit code; a bug has none. */
  exitCode?: number;
}

export type Reply = { id: number } & ({ parsed: ParsedInput } | { error: SentError });

export function errorToSend(error: unknown): SentError {
  if (!(error instanceof Error)) return { message: String(error) };
  return { message: error.message, stack: error.stack, ...(error instanceof InputError ? { exitCode: error.exitCode } : {}) };
}

export function errorFromSent(sent: SentError): Error {
  const error = sent.exitCode === undefined ? new Error(sent.message) : new InputError(sent.message, sent.exitCode);
  // The stack --debug prints is the one from the thread where it was thrown.
  if (sent.stack !== undefined) error.stack = sent.stack;
  return error;
}

/** The buffers of outputs that can be moved to the other thread rather than copied: those the bytes own whole. */
export function transferable(chunks: readonly unknown[]): ArrayBuffer[] {
  return chunks.flatMap((chunk) =>
    chunk instanceof Uint8Array && chunk.buffer instanceof ArrayBuffer && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength
      ? [chunk.buffer]
      : [],
  );
}
