import { beforeAll, describe, expect, it } from 'vitest';
import { createAdminKey, signAsAdmin, type WrappedAdminKey } from '../../../renderer/sync/crypto/admin-key';
import { concat, fromHex, label, toHex } from '../../../renderer/sync/crypto/bytes';
import { fingerprint } from '../../../renderer/sync/crypto/fingerprint';
import { adoptRoster, verifyRosterChain } from '../../../renderer/sync/roster/chain';
import {
  meetsMinAppVersion,
  revocationCutoff,
  rosterDocument,
  rosterHash,
  rosterNetwork,
  signRoster,
  type RosterAdmin,
  type SignedRoster,
} from '../../../renderer/sync/roster/roster';
import { makeTestNetwork, NOW, PASSPHRASE, nextVersion, revocation, type TestNetwork } from '../bundle/fixtures';

const BERT_PASSPHRASE = 'tweede beheerder Polder';
let net: TestNetwork;
let bert: { key: WrappedAdminKey; record: RosterAdmin };
let v2: SignedRoster;
let v3: SignedRoster;

/** A version signed by Bert, the second network administrator (listed from version 2 on). */
async function bySecondAdmin(parent: SignedRoster, minAppVersion: string, signer = bert): Promise<SignedRoster> {
  const doc = rosterDocument({ ...net.content, admins: [net.admin.record, bert.record], minAppVersion }, { prev: parent, issuedAt: NOW, issuedBy: signer.record.person });
  return signRoster(doc, parent, signer.key, BERT_PASSPHRASE);
}

beforeAll(async () => {
  net = await makeTestNetwork();
  const key = await createAdminKey('person-bert', BERT_PASSPHRASE);
  bert = { key, record: { person: 'person-bert', name: 'Bert Beheer', zoneId: net.zoneOf.B, roles: ['network_admin', 'zone_admin'], key: key.publicKey } };
  v2 = await nextVersion(net, { admins: [net.admin.record, bert.record] });
  v3 = await bySecondAdmin(v2, '0.2.0');
});

describe('the roster document', () => {
  it('is built from the network definition plus keys, and gives it back', () => {
    const doc = net.chain[0]!.document;
    expect(rosterNetwork(doc)).toEqual(net.network);
    expect(doc).toMatchObject({ version: 1, prev: null, suite: 'ed25519-x25519-hkdf-sha256-aes-256-gcm', minAppVersion: '0.1.0' });
    expect(doc.stations.find((s) => s.id === net.keys.A.station)?.keys).toEqual(net.keys.A.publicKeys);
    expect(doc.stations.filter((s) => s.keys === null)).toHaveLength(net.network.stations.length - 5);
  });

  it('has a human-comparable root fingerprint', async () => {
    expect(await fingerprint(net.chain[0]!.hash)).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  });

  it('is signed only by a network administrator of the version before', async () => {
    const stranger = await createAdminKey('person-eve', 'eve wil ook beheren');
    const doc = rosterDocument(net.content, { prev: net.chain[0]!, issuedAt: NOW, issuedBy: 'person-eve' });
    await expect(signRoster(doc, net.chain[0]!, stranger, 'eve wil ook beheren')).rejects.toMatchObject({ code: 'roster.notAdmin' });
    // Bert is listed from version 2 on, so he cannot sign version 2 itself.
    const early = rosterDocument({ ...net.content, admins: [net.admin.record, bert.record] }, { prev: net.chain[0]!, issuedAt: NOW, issuedBy: bert.record.person });
    await expect(signRoster(early, net.chain[0]!, bert.key, BERT_PASSPHRASE)).rejects.toMatchObject({ code: 'roster.notAdmin' });
  });

  it('gives a revoked station its cutoff per stream, and checks the minimum app version', () => {
    const doc = { ...net.chain[0]!.document, revocations: [revocation(net, 'station-x', 7, { 'zone:z1': 2 })], minAppVersion: '0.10.0' };
    expect(revocationCutoff(doc, 'station-x', 'net')).toBe(7);
    expect(revocationCutoff(doc, 'station-x', 'zone:z1')).toBe(2);
    expect(revocationCutoff(doc, 'station-x', 'constructor')).toBe(7);
    expect(revocationCutoff(doc, 'station-y', 'net')).toBeNull();
    expect(meetsMinAppVersion(doc, '0.9.9')).toBe(false);
    expect(meetsMinAppVersion(doc, '0.10.0')).toBe(true);
    expect(meetsMinAppVersion(doc, '1.0.0')).toBe(true);
    expect(meetsMinAppVersion(doc, 'nieuw')).toBe(false);
  });
});

describe('choosing the roster', () => {
  it('takes a newer valid version, from versions in any order', async () => {
    const result = await adoptRoster(net.chain, [v3, v2]);
    expect(result).toMatchObject({ ok: true, change: 'newer', forks: [] });
    expect(result.ok && result.chain.map((v) => v.document.version)).toEqual([1, 2, 3]);
  });

  it('keeps its chain when an older version arrives late', async () => {
    const current = [...net.chain, v2, v3];
    const result = await adoptRoster(current, [net.chain[0], v2]);
    expect(result).toMatchObject({ ok: true, change: 'none', forks: [] });
    expect(result.ok && result.chain).toEqual(current);
  });

  it('refuses a forged signature', async () => {
    const signature = fromHex(v2.signature);
    signature[10]! ^= 0x40;
    expect(await adoptRoster(net.chain, [{ ...v2, signature: toHex(signature) }])).toMatchObject({ ok: false, reason: 'rosterForged' });
  });

  it('refuses a version that makes its own signer an administrator', async () => {
    const doc = rosterDocument({ ...net.content, admins: [net.admin.record, bert.record] }, { prev: net.chain[0]!, issuedAt: NOW, issuedBy: bert.record.person });
    const hash = rosterHash(doc);
    const signature = toHex(await signAsAdmin(bert.key, BERT_PASSPHRASE, concat(label('roster'), fromHex(hash))));
    expect(await adoptRoster(net.chain, [{ document: doc, hash, signature }])).toMatchObject({ ok: false, reason: 'rosterForged' });
  });

  it('refuses a second version 1 for the same network', async () => {
    const other = await signRoster(rosterDocument({ ...net.content, minAppVersion: '9.9.9' }, { prev: null, issuedAt: NOW, issuedBy: net.admin.person }), null, net.admin.key, PASSPHRASE);
    expect(await adoptRoster(net.chain, [other])).toMatchObject({ ok: false, reason: 'rosterForged' });
  });

  it('refuses a broken chain: a missing link, content changed after signing, a skipped number', async () => {
    expect(await adoptRoster(net.chain, [v3])).toMatchObject({ ok: false, reason: 'rosterBroken' });
    expect(await adoptRoster(net.chain, [{ ...v2, document: { ...v2.document, minAppVersion: '0.0.1' } }])).toMatchObject({ ok: false, reason: 'rosterBroken' });
    const skipped = await signRoster({ ...rosterDocument(net.content, { prev: net.chain[0]!, issuedAt: NOW, issuedBy: net.admin.person }), version: 3 }, net.chain[0]!, net.admin.key, PASSPHRASE);
    expect(await adoptRoster(net.chain, [skipped])).toMatchObject({ ok: false, reason: 'rosterBroken' });
    expect(await adoptRoster(net.chain, [{ hello: 'world' }])).toMatchObject({ ok: false, reason: 'rosterBroken' });
  });

  it('refuses versions of another network, and a suite it does not know', async () => {
    expect(await adoptRoster(net.chain, [{ ...v2, document: { ...v2.document, network: 'other' } }])).toMatchObject({ ok: false, reason: 'unknownNetwork' });
    const doc = { ...rosterDocument(net.content, { prev: net.chain[0]!, issuedAt: NOW, issuedBy: net.admin.person }), suite: 'ml-dsa-65' };
    const future = await signRoster(doc as never, net.chain[0]!, net.admin.key, PASSPHRASE);
    expect(await adoptRoster(net.chain, [future])).toMatchObject({ ok: false, reason: 'tooNew' });
  });

  it('settles a fork the same way on every station, whatever arrived first, and reports it', async () => {
    const a3 = await bySecondAdmin(v2, '0.3.0');
    const a4 = await bySecondAdmin(a3, '0.4.0');
    const b3 = await nextVersion({ ...net, content: { ...net.content, admins: [net.admin.record, bert.record] } }, { revocations: [revocation(net, net.keys.X.station, 4)] }, NOW, v2);
    const [winner, loser] = a3.hash < b3.hash ? [[a3, a4], [b3]] : [[b3], [a3, a4]];
    const base = [...net.chain, v2];
    for (const incoming of [[a3, a4, b3], [b3, a4, a3]]) {
      const result = await adoptRoster(base, incoming);
      if (!result.ok) throw new Error(result.detail);
      expect(result.chain).toEqual([...base, ...winner]);
      expect(result.forks).toEqual([{ height: 3, kept: winner[0]!.hash, dropped: loser }]);
    }
    // A station already on the losing branch moves over; one on the winning branch stays.
    const fromLoser = await adoptRoster([...base, ...loser], winner);
    expect(fromLoser).toMatchObject({ ok: true, change: 'switched', chain: [...base, ...winner] });
    const fromWinner = await adoptRoster([...base, ...winner], loser);
    expect(fromWinner).toMatchObject({ ok: true, change: 'none', chain: [...base, ...winner] });
    expect(fromWinner.ok && fromWinner.forks[0]?.dropped).toEqual(loser);
  });

  it('trusts a first chain only from the version 1 whose fingerprint was confirmed', async () => {
    const all = [net.chain[0], v2, v3];
    expect(await verifyRosterChain(all, net.chain[0]!.hash)).toMatchObject({ ok: true, change: 'newer' });
    expect(await verifyRosterChain(all, v2.hash)).toMatchObject({ ok: false, reason: 'unknownNetwork' });
  });
});
