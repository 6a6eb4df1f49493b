import type { NetworkDefinition, Role } from '../../domain/network';
import type { I18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/messages';
import type { Json } from '../../sync/canonical';
import { ROLE_LABELS } from '../people/role-labels';

/** "personnelNumber" → "personnel number": a readable fallback for a name without a label yet. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** A declared table in plain words: its catalogue label (`conflicts.table.<table>`), else its name in words. */
export function tableLabel(t: I18n['t'], table: string): string {
  const key = `conflicts.table.${table}`;
  return isMessageKey(key) ? t(key) : words(table);
}

/** "Account · Naam": a declared field in plain words (`conflicts.field.<table>.<field>`), else its name in words. */
export function fieldLabel(t: I18n['t'], table: string, field: string): string {
  const key = `conflicts.field.${table}.${field}`;
  return t('conflicts.fieldOf', { table: tableLabel(t, table), field: isMessageKey(key) ? t(key) : words(field) });
}

/** Values a field holds that have a name of their own: zone ids and roles. */
type Named = (value: Json, i18n: I18n, network: NetworkDefinition | null) => string | null;

const zoneName: Named = (value, _i18n, network) => network?.zones.find((z) => z.id === value)?.name ?? null;
const roleNames: Named = (value, { t }) =>
  Array.isArray(value) && value.every((r) => typeof r === 'string' && r in ROLE_LABELS) ? value.map((r) => t(ROLE_LABELS[r as Role])).join(', ') : null;

const NAMED: Readonly<Record<string, Named>> = {
  'people.zoneId': zoneName,
  'people.roles': roleNames,
};

/** A field's value in plain words for the conflicts and held-back lists. */
export function valueLabel(value: Json, table: string, field: string, i18n: I18n, network: NetworkDefinition | null): string {
  const named = NAMED[`${table}.${field}`]?.(value, i18n, network);
  if (named) return named;
  const { t, locale } = i18n;
  if (value === null || value === '') return t('conflicts.emptyValue');
  if (typeof value === 'boolean') return t(value ? 'conflicts.yes' : 'conflicts.no');
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => valueLabel(v, '', '', i18n, network)).join(', ');
  return JSON.stringify(value);
}
