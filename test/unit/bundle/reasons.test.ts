import { describe, expect, it } from 'vitest';
import { REASON_CODES, reasonMessageKey } from '../../../renderer/sync/bundle/reasons';
import { isMessageKey, translate } from '../../../renderer/i18n/messages';
import { LOCALES } from '../../../renderer/i18n/define';

describe('refusal reasons', () => {
  it.each(REASON_CODES)('%s has a Dutch and an English message', (code) => {
    const key = reasonMessageKey(code);
    const nl = translate('nl-BE', key, { appVersion: '0.2.0' });
    const en = translate('en', key, { appVersion: '0.2.0' });
    expect(nl.length).toBeGreaterThan(20);
    expect(en.length).toBeGreaterThan(20);
    expect(nl).not.toBe(en);
    expect(`${nl} ${en}`).not.toMatch(/\{\w+\}/);
  });

  it('names the app version needed for a newer format', () => {
    for (const locale of LOCALES) expect(translate(locale, 'sync.reason.tooNew', { appVersion: '0.7.1' })).toContain('0.7.1');
  });

  it.each(['adminKey.wrongPassphrase', 'adminKey.damaged', 'roster.notAdmin', 'roster.otherNetwork', 'bundle.senderUnknown', 'bundle.noRecipient', 'bundle.recipientUnknown'])(
    'the DomainError %s has a message',
    (code) => {
      expect(isMessageKey(`error.${code}`)).toBe(true);
    },
  );
});
