/**
 * Why a bundle (or a roster) is refused. The codes are stable: the sync history stores them and
 * the catalogue (renderer/i18n/catalog/sync-reasons.ts) has a Dutch and an English message for
 * each, `sync.reason.<code>`. `detail` is for logs and developers, never shown to a clerk.
 */
export const REASON_CODES = [
  'notBundle',
  'truncated',
  'corrupted',
  'notForThisStation',
  'wrongPassphrase',
  'unknownNetwork',
  'unknownSigner',
  'alteredByRelay',
  'tooNew',
  'tooLarge',
  'rosterForged',
  'rosterBroken',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export interface Refusal {
  ok: false;
  reason: ReasonCode;
  detail: string;
  /** Placeholders of the message (tooNew: format, supported, appVersion). */
  params: Record<string, string | number>;
}

/** Thrown inside the codec and turned into a Refusal at its edge. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(`${refusal.reason}: ${refusal.detail}`);
    this.name = 'RefusalError';
  }
}

export function refuse(reason: ReasonCode, detail: string, params: Record<string, string | number> = {}): never {
  throw new RefusalError({ ok: false, reason, detail, params });
}

export function reasonMessageKey<R extends ReasonCode>(reason: R): `sync.reason.${R}` {
  return `sync.reason.${reason}`;
}
