import { NET, zonesAudience } from '../../../renderer/sync/audience';
import { defineReplicatedTable } from '../../../renderer/sync/schema';

/**
 * The replication layer's test-only table (Dexie store `testRecords`): one field per writer rule,
 * a personal field, a requester, and an audience chosen at creation.
 */
export interface TestValues {
  ownerZone: string;
  requesterZone?: string;
  /** 'net', 'zone' (the owner zone) or 'pair' (owner and requester zones). */
  scope: string;
  title: string;
  note?: string;
  status?: string;
  answer?: string;
  contact?: string;
}

const declaration = {
  name: 'testRecords',
  fields: {
    ownerZone: { writer: 'owner' },
    requesterZone: { writer: 'owner' },
    scope: { writer: 'owner' },
    title: { writer: 'owner' },
    note: { writer: 'any' },
    status: { writer: 'parties' },
    answer: { writer: 'requester' },
    contact: { writer: 'owner' },
  },
  owner: 'ownerZone',
  requester: 'requesterZone',
  audience: (row: Readonly<TestValues>) =>
    row.scope === 'net' ? NET : row.scope === 'pair' && row.requesterZone ? zonesAudience(row.ownerZone, row.requesterZone) : zonesAudience(row.ownerZone),
  personal: { contact: { retentionDays: 30 } },
} as const;

export const testTable = defineReplicatedTable<TestValues>(declaration);

/** The same table as a newer app version declares it: one more field. */
export const testTableV2 = defineReplicatedTable<TestValues & { priority?: string }>({
  ...declaration,
  fields: { ...declaration.fields, priority: { writer: 'owner' } },
});
