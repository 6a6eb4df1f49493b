import { describe, expect, it } from 'vitest';
import { NET } from '../../../renderer/sync/audience';
import { defineReplicatedTable, tableFingerprint } from '../../../renderer/sync/schema';

interface V {
  zone: string;
  name: string;
}

const base = { name: 'things', fields: { zone: { writer: 'owner' as const }, name: { writer: 'any' as const } }, owner: 'zone' as const, audience: () => NET };

describe('defineReplicatedTable', () => {
  it('fills in the defaults', () => {
    const t = defineReplicatedTable<V>(base);
    expect(t).toMatchObject({ name: 'things', owner: 'zone', requester: null, delete: 'owner', personal: {} });
  });

  it('refuses declarations the merge could not work with', () => {
    expect(() => defineReplicatedTable<V>({ ...base, name: 'Things' })).toThrow(/bad table name/);
    expect(() => defineReplicatedTable<V & { deleted: string }>({ ...base, fields: { ...base.fields, deleted: { writer: 'any' } } })).toThrow(/reserved/);
    expect(() => defineReplicatedTable<V>({ ...base, owner: 'nope' as 'zone' })).toThrow(/owner field/);
    expect(() => defineReplicatedTable<V>({ ...base, requester: 'other' as 'zone' })).toThrow(/requester field/);
    expect(() => defineReplicatedTable<V>({ ...base, personal: { zone: { retentionDays: 1 } } })).toThrow(/zone field/);
    expect(() => defineReplicatedTable<V>({ ...base, personal: { name: { retentionDays: -1 } } })).toThrow(/retention/);
  });

  it('fingerprints what decides the merge, so an upgrade that changes it is noticed', () => {
    const a = tableFingerprint(defineReplicatedTable<V>(base));
    expect(tableFingerprint(defineReplicatedTable<V>({ ...base, audience: () => NET }))).toBe(a);
    expect(tableFingerprint(defineReplicatedTable<V>({ ...base, personal: { name: { retentionDays: 3 } } }))).not.toBe(a);
    expect(tableFingerprint(defineReplicatedTable<V>({ ...base, fields: { ...base.fields, name: { writer: 'owner' } } }))).not.toBe(a);
    expect(tableFingerprint(defineReplicatedTable<V>({ ...base, delete: 'any' }))).not.toBe(a);
  });
});
