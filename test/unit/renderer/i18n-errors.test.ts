import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/domain/errors';
import { errorText } from '../../../renderer/i18n/error-text';
import { isMessageKey, messages } from '../../../renderer/i18n/messages';

const RENDERER = join(import.meta.dirname, '../../../renderer');

/** Every code thrown as `new DomainError('…')` in domain/ and data/, with templates expanded. */
function thrownCodes(): Set<string> {
  const codes = new Set<string>();
  for (const dir of ['domain', 'data']) {
    for (const file of readdirSync(join(RENDERER, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(RENDERER, dir, file), 'utf8');
      for (const m of text.matchAll(/DomainError\(\s*['`]([^'`]+)['`]/g)) {
        const code = m[1]!;
        if (code === '${code}.nameRequired' || code === '${code}.nameTooLong') {
          for (const prefix of ['zone', 'station', 'network']) codes.add(code.replace('${code}', prefix));
        } else if (code === 'password.${problem}') {
          for (const problem of ['tooShort', 'sameAsNumber']) codes.add(`password.${problem}`);
        } else {
          expect(code, `a template the test does not know in ${dir}/${file}`).not.toContain('${');
          codes.add(code);
        }
      }
    }
  }
  return codes;
}

describe('error messages', () => {
  it('has a Dutch and an English message for every DomainError code the renderer throws', () => {
    const codes = thrownCodes();
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) {
      const key = `error.${code}`;
      expect(isMessageKey(key), `missing catalogue key ${key}`).toBe(true);
      if (!isMessageKey(key)) continue;
      expect(messages['nl-BE'][key]).not.toBe('');
      expect(messages.en[key]).not.toBe(messages['nl-BE'][key]);
    }
  });

  it('fills in the parameters of the error, and the password rule from the domain', () => {
    expect(errorText('nl-BE', new DomainError('person.numberTaken', { number: 'WK1' }))).toBe('Personeelsnummer WK1 is al in gebruik.');
    expect(errorText('en', new DomainError('password.tooShort'))).toBe('The password must be at least 10 characters long.');
  });

  it('says something generic, never a raw code or stack, for anything else', () => {
    expect(errorText('nl-BE', new Error('TypeError: x is undefined'))).toBe(messages['nl-BE']['error.unexpected']);
    expect(errorText('en', new DomainError('no.suchCode'))).toBe(messages.en['error.unexpected']);
    expect(errorText('en', 'a string')).toBe(messages.en['error.unexpected']);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages['nl-BE']) as (keyof (typeof messages)['nl-BE'])[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages['nl-BE'][key]));
    }
  });
});
