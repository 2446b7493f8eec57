/**
 * An error the user caused or can fix (bad input, bad option). The CLI prints its message as one
 * line naming the file and exits non-zero, never with a stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Anything thrown, as an Error. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
