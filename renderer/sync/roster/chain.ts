import { parseSignedRoster, rosterFailure, verifyRosterVersion, type RosterFailure, type SignedRoster } from './roster';

/**
 * Choosing the roster (decision 0033). Every station converges on the same chain from the same
 * set of versions: start at version 1 and, wherever two versions share a parent (a fork: two
 * administrators signed offline), follow the one with the lowest hash. A newer version on the
 * followed branch replaces an older one; an older version arriving late changes nothing.
 */
export const MAX_ROSTER_VERSIONS = 10_000;

/** A fork: versions that lost at `height` to the version with hash `kept`, shown to administrators. */
export interface RosterFork {
  height: number;
  kept: string;
  dropped: SignedRoster[];
}

export interface RosterAdoption {
  ok: true;
  /** Versions 1..n of the chosen chain. */
  chain: SignedRoster[];
  /** 'none': the same chain (older or known versions); 'newer': extended; 'switched': a fork moved it to another branch. */
  change: 'none' | 'newer' | 'switched';
  forks: RosterFork[];
}

/**
 * Adds `incoming` (untrusted: versions from a bundle or a file, in any order, any subset) to
 * the trusted `current` chain and chooses. Every version that is new is verified against its
 * parent; one forged or broken version refuses the whole lot.
 */
export async function adoptRoster(current: readonly SignedRoster[], incoming: readonly unknown[]): Promise<RosterAdoption | RosterFailure> {
  const genesis = current[0];
  if (!genesis) throw new TypeError('adoptRoster: the current chain is empty');
  if (incoming.length > MAX_ROSTER_VERSIONS) return rosterFailure('tooLarge', `${incoming.length} roster versions`);
  const known = new Map(current.map((v) => [v.hash, v]));
  const freshByHash = new Map<string, SignedRoster>();
  for (const value of incoming) {
    const version = parseSignedRoster(value);
    if (!version) return rosterFailure('rosterBroken', 'a version does not have the roster format');
    if (version.document.network !== genesis.document.network) {
      return rosterFailure('unknownNetwork', `network ${version.document.network}`);
    }
    if (!known.has(version.hash)) freshByHash.set(version.hash, version);
  }
  // Parents have lower version numbers, so this order verifies every parent before its children.
  const fresh = [...freshByHash.values()].sort((a, b) => a.document.version - b.document.version);
  for (const version of fresh) {
    if (version.document.version === 1) {
      return rosterFailure('rosterForged', `a second version 1 (${version.hash}) for this network`);
    }
    const parent = version.document.prev === null ? undefined : known.get(version.document.prev);
    if (!parent) return rosterFailure('rosterBroken', `version ${version.document.version}: the version before it is missing`);
    const failure = await verifyRosterVersion(version, parent);
    if (failure) return failure;
    known.set(version.hash, version);
  }
  return choose(current, genesis, [...known.values()]);
}

function choose(current: readonly SignedRoster[], genesis: SignedRoster, all: SignedRoster[]): RosterAdoption {
  const children = new Map<string, SignedRoster[]>();
  for (const v of all) {
    if (v.document.prev === null) continue;
    const siblings = children.get(v.document.prev);
    if (siblings) siblings.push(v);
    else children.set(v.document.prev, [v]);
  }
  const subtree = (root: SignedRoster): SignedRoster[] => [root, ...(children.get(root.hash) ?? []).flatMap(subtree)];
  const chain = [genesis];
  const forks: RosterFork[] = [];
  for (;;) {
    const next = [...(children.get(chain[chain.length - 1]!.hash) ?? [])].sort((a, b) => (a.hash < b.hash ? -1 : 1));
    const [kept, ...losers] = next;
    if (!kept) break;
    if (losers.length > 0) forks.push({ height: kept.document.version, kept: kept.hash, dropped: losers.flatMap(subtree) });
    chain.push(kept);
  }
  const samePrefix = current.every((v, i) => chain[i]?.hash === v.hash);
  const change = samePrefix ? (chain.length > current.length ? 'newer' : 'none') : 'switched';
  return { ok: true, chain, change, forks };
}

/**
 * A whole chain received from elsewhere (a station's first roster), trusted only if its
 * version 1 has the hash a person confirmed by fingerprint.
 */
export async function verifyRosterChain(versions: readonly unknown[], genesisHash: string): Promise<RosterAdoption | RosterFailure> {
  const genesis = versions.map(parseSignedRoster).find((v) => v?.hash === genesisHash && v.document.version === 1);
  if (!genesis) return rosterFailure('unknownNetwork', 'no version 1 with the confirmed fingerprint');
  const failure = await verifyRosterVersion(genesis, null);
  if (failure) return failure;
  return adoptRoster([genesis], versions);
}
