import { NET } from '../../../sync/audience';
import { defineReplicatedTable } from '../../../sync/schema';
import type { PersonRow } from '../../db';

export type PersonValues = Omit<PersonRow, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

/**
 * People's accounts (ADR 0014). The person's zone is the owner zone. The whole network is the
 * audience: network administrators and the DPO work across zones, and a person can sign in at
 * any station, so the password hash travels too (PBKDF2, 600,000 iterations, salted). Every field
 * is writable from any zone: who may change an account (a manager of the person's zone, a network
 * administrator, the person for their own password) is a matter of roles, checked where the
 * change is made (data/people.ts). Two concurrent password changes are no conflict to show: the
 * latest wins. Retention counts from the account's deletion; the DPO confirms the figures.
 */
export const peopleTable = defineReplicatedTable<PersonValues>({
  name: 'people',
  fields: {
    name: { writer: 'any' },
    personnelNumber: { writer: 'any' },
    zoneId: { writer: 'any' },
    roles: { writer: 'any' },
    active: { writer: 'any' },
    password: { writer: 'any', latestWins: true },
  },
  owner: 'zoneId',
  delete: 'any',
  audience: () => NET,
  personal: {
    name: { retentionDays: 730 },
    personnelNumber: { retentionDays: 730 },
    password: { retentionDays: 0 },
  },
});
