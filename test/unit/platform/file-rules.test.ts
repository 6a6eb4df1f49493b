import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as main from '../../../electron/main/file-rules';
import * as web from '../../../renderer/platform/file-rules';

// The desktop (main process) and the browser adapter keep the same file-name rules in two
// files, because the renderer may not import main-process code. These tests hold them together.

const REFUSED = [
  '',
  'x'.repeat(201),
  'a/b.zlb',
  'a\\b.zlb',
  '..',
  '../x.zlb',
  'a..b',
  'a\u0000b',
  'tab\there',
  'a<b',
  'a>b',
  'a:b',
  'a"b',
  'a|b',
  'a?b',
  'a*b',
  'name.',
  'name ',
  'CON',
  'con.zlb',
  'PRN',
  'AUX.txt',
  'NUL',
  'COM1',
  'com9.zlb',
  'COM¹',
  'LPT1',
  'lpt9.log',
];
const ACCEPTED = ['st1-0001.zlb', '.hidden', 'x'.repeat(200), 'Zone Westkust 2026-W49.zlb', 'CONSOLE.zlb', 'com10.zlb', 'één.zlb', 'a.b.c'];

describe.each([
  ['main', main],
  ['browser', web],
])('file-name rules (%s)', (_side, rules) => {
  it.each(REFUSED)('refuses %j', (name) => {
    expect(rules.fileNameProblem(name)).not.toBeNull();
  });

  it.each(ACCEPTED)('accepts %j', (name) => {
    expect(rules.fileNameProblem(name)).toBeNull();
  });

  it('names the temp file after the final name', () => {
    expect(rules.tempNameFor('st1-0001.zlb', '0011223344556677')).toBe('st1-0001.zlb.0011223344556677.zltmp');
  });
});

describe('both sides agree', () => {
  it('on the limits', () => {
    expect(web.MAX_FILE_BYTES).toBe(main.MAX_FILE_BYTES);
    expect(web.MAX_FILE_NAME_LENGTH).toBe(main.MAX_FILE_NAME_LENGTH);
  });

  it('on every name, with the same reason', () => {
    const interesting = fc.constantFrom('.', '..', '/', '\\', '\u0000', ':', ' ', 'CON', 'com1', 'LPT¹', 'a', 'zlb', '*', '\n');
    const names = fc.oneof(fc.string({ maxLength: 220 }), fc.array(interesting, { maxLength: 6 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(names, (name) => main.fileNameProblem(name) === web.fileNameProblem(name)),
      { numRuns: 5000 },
    );
  });
});
