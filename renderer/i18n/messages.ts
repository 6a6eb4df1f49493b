import type { Locale } from './define';
import { common } from './catalog/common';
import { dashboard } from './catalog/dashboard';
import { errors } from './catalog/errors';
import { firstRun } from './catalog/first-run';
import { network } from './catalog/network';
import { people } from './catalog/people';
import { recovery } from './catalog/recovery';
import { recordLayer } from './catalog/record-layer';
import { settings } from './catalog/settings';
import { shell } from './catalog/shell';
import { syncReasons } from './catalog/sync-reasons';
import { sync } from './catalog/sync';
import { conflicts } from './catalog/conflicts';
import { join } from './catalog/join';

// Each area keeps its own catalogue file; add it to this list.
const catalogues = [common, shell, errors, firstRun, dashboard, settings, network, people, recovery, syncReasons, recordLayer, sync, conflicts, join] as const;

type Union<T> = T extends readonly (infer C)[] ? C : never;
type KeysOf<C> = C extends { 'nl-BE': Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Union<typeof catalogues>>;

function merge(locale: Locale): Record<MessageKey, string> {
  const all: Record<string, string> = {};
  for (const catalogue of catalogues) {
    for (const [key, text] of Object.entries(catalogue[locale])) {
      if (key in all) throw new Error(`Duplicate message key ${key}`);
      all[key] = text;
    }
  }
  return all as Record<MessageKey, string>;
}

export const messages: Record<Locale, Record<MessageKey, string>> = {
  'nl-BE': merge('nl-BE'),
  en: merge('en'),
};

export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages['nl-BE'], key);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = messages[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
