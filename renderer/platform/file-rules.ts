// The file-name rules of electron/main/file-rules.ts, for the browser adapter (the renderer may
// not import main-process code). test/unit/platform/file-rules.test.ts checks that both agree, so
// a name that works in web mode works in the desktop app too.

/** Largest file read into memory (a folder read or an opened file). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const MAX_FILE_NAME_LENGTH = 200;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const WINDOWS_FORBIDDEN = /[\u0000-\u001f<>:"|?*]/;

/** Why a name is refused, or null when it is a plain file name that every system accepts. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_FILE_NAME_LENGTH) return `is longer than ${MAX_FILE_NAME_LENGTH} characters`;
  if (name.includes('\u0000')) return 'contains NUL';
  if (name.includes('/') || name.includes('\\')) return 'contains a path separator';
  if (name.includes('..')) return "contains '..'";
  if (WINDOWS_FORBIDDEN.test(name)) return 'contains a character Windows refuses';
  if (name.endsWith('.') || name.endsWith(' ')) return 'ends with a dot or a space';
  if (WINDOWS_RESERVED.test(name)) return 'is a device name Windows reserves';
  return null;
}

/** Where `<name>` is written before it is moved onto its final name. */
export function tempNameFor(name: string, random: string): string {
  return `${name}.${random}.zltmp`;
}
