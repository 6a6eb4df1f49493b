import type { PlatformErrorCode } from '../shared/ipc-contract';

/** A failure with a code the UI can translate; handle() puts "[code] channel: " in front. */
export class ZonelinkError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZonelinkError';
  }
}

const FS_CODES: Record<string, PlatformErrorCode> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EROFS: 'permission-denied',
};

/** The code of any error: ours, a Node file-system error, or 'io'. */
export function errorCode(error: unknown): PlatformErrorCode {
  if (error instanceof ZonelinkError) return error.code;
  const fsCode = (error as NodeJS.ErrnoException | undefined)?.code;
  return (fsCode !== undefined && FS_CODES[fsCode]) || 'io';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
