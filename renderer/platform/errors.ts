import type { PlatformErrorCode } from '../../electron/shared/ipc-contract';

export type { PlatformErrorCode };

/** A failed platform call, with a code the UI translates (the message is for developers). */
export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PlatformError';
  }
}

// Every code of the contract; the Record type makes the compiler flag a missing one.
const CODES: Record<PlatformErrorCode, true> = {
  forbidden: true,
  'invalid-request': true,
  'unknown-folder': true,
  'folder-unavailable': true,
  'not-found': true,
  'too-large': true,
  'permission-denied': true,
  io: true,
};

function isCode(value: string): value is PlatformErrorCode {
  return Object.hasOwn(CODES, value);
}

/**
 * Electron rejects an invoke with "Error invoking remote method 'x': Error: [code] x: detail";
 * this recovers the code and the detail. Anything without a known code is an 'io' failure.
 */
export function fromIpcError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const match = /\[([a-z-]+)\] (.*)$/s.exec(message);
  if (match?.[1] && match[2] !== undefined && isCode(match[1])) return new PlatformError(match[1], match[2], { cause: error });
  return new PlatformError('io', message, { cause: error });
}
