import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { PBKDF2_ITERATIONS } from '../domain/password';
import { signAsAdmin, type WrappedAdminKey } from '../sync/crypto/admin-key';
import { isHex, label } from '../sync/crypto/bytes';
import { verify } from '../sync/crypto/keys';
import { MAX_PBKDF2_ITERATIONS } from '../sync/crypto/wrap';
import type { Actor } from './actor';
import type { ZonelinkDb } from './db';
import { rosterSigners } from './network';

/**
 * A network administrator's signing key as a file (decision 0057): the wrapped key exactly as
 * adminKeys keeps it, under a format tag. The private key stays wrapped under the passphrase.
 */
export interface AdminKeyFile extends WrappedAdminKey {
  format: 'zonelink-admin-key';
  version: 1;
}

/** Where the signed-in administrator's key stands: kept here, listed but kept elsewhere, or not listed. */
export type OwnKeyState = 'here' | 'elsewhere' | 'none';

const MAX_FILE_CHARS = 4096;

const fileSchema = z.strictObject({
  format: z.literal('zonelink-admin-key'),
  version: z.literal(1),
  person: z.string().min(1).max(100),
  publicKey: z.string().refine((v) => isHex(v, 32)),
  iterations: z.int().min(PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
  salt: z.string().refine((v) => isHex(v, 16)),
  // PKCS#8 of an Ed25519 key (48 bytes) and the GCM tag; some room for other encodings.
  wrapped: z.string().refine((v) => isHex(v) && v.length >= 64 * 2 && v.length <= 256 * 2),
});

/** What a key that has just been read signs to prove the passphrase opens it. */
const PROOF = label('admin-key-file-proof');

async function signedInPerson(db: ZonelinkDb, actor: Actor): Promise<void> {
  const person = await db.people.get(actor.personId);
  if (!person?.active) throw new DomainError('auth.notSignedIn');
}

/** Whether the current roster lists `person` as a signer with exactly this public key. */
async function listed(db: ZonelinkDb, person: string, publicKey: string): Promise<boolean> {
  return (await rosterSigners(db)).some((a) => a.person === person && a.key === publicKey);
}

export async function ownKeyState(db: ZonelinkDb, personId: string): Promise<OwnKeyState> {
  const signer = (await rosterSigners(db)).find((a) => a.person === personId);
  if (!signer) return 'none';
  return (await db.adminKeys.get(personId))?.publicKey === signer.key ? 'here' : 'elsewhere';
}

/** The signed-in administrator's own key as the text of a file; only a key the roster lists. */
export async function exportAdminKeyFile(db: ZonelinkDb, actor: Actor): Promise<string> {
  await signedInPerson(db, actor);
  const key = await db.adminKeys.get(actor.personId);
  if (!key || !(await listed(db, key.person, key.publicKey))) throw new DomainError('adminKeyFile.noKey');
  const file: AdminKeyFile = {
    format: 'zonelink-admin-key',
    version: 1,
    person: key.person,
    publicKey: key.publicKey,
    iterations: key.iterations,
    salt: key.salt,
    wrapped: key.wrapped,
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Checks a key file before its passphrase is asked: a key file, of the signed-in person, listed
 * in the current roster with its public key, not already here. Returns the wrapped key.
 */
export async function readAdminKeyFile(db: ZonelinkDb, actor: Actor, text: string): Promise<WrappedAdminKey> {
  await signedInPerson(db, actor);
  let parsed: z.infer<typeof fileSchema>;
  try {
    if (text.length > MAX_FILE_CHARS) throw new Error('too long');
    parsed = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new DomainError('adminKeyFile.notKeyFile');
  }
  const { person, publicKey, iterations, salt, wrapped } = parsed;
  if (person !== actor.personId) throw new DomainError('adminKeyFile.otherPerson');
  if (!(await listed(db, person, publicKey))) throw new DomainError('adminKeyFile.notListed');
  if ((await db.adminKeys.get(person))?.publicKey === publicKey) throw new DomainError('adminKeyFile.alreadyHere');
  return { person, publicKey, iterations, salt, wrapped };
}

/**
 * Keeps a key carried from another station in adminKeys (decision 0057), once the passphrase is
 * shown to open it: the key signs a fixed message without ever leaving its wrapping, and the
 * signature verifies under the listed public key. A key kept here that the roster no longer
 * lists (withdrawn) is replaced.
 */
export async function importAdminKeyFile(db: ZonelinkDb, actor: Actor, text: string, passphrase: string): Promise<WrappedAdminKey> {
  const key = await readAdminKeyFile(db, actor, text);
  const signature = await signAsAdmin(key, passphrase, PROOF);
  if (!(await verify(key.publicKey, signature, PROOF))) throw new DomainError('adminKey.damaged');
  await db.transaction('rw', db.adminKeys, async () => {
    if ((await db.adminKeys.get(key.person))?.publicKey === key.publicKey) throw new DomainError('adminKeyFile.alreadyHere');
    await db.adminKeys.put(key);
  });
  return key;
}
