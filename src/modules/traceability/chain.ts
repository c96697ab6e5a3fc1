import crypto from 'node:crypto';
import { eventHashId } from './epcis/hash.js';

// The tamper evidence of a producer's events (docs/traceability-chain.md). Each stored event is a link:
//   link(n) = SHA-256 hex of  prev(n) "\n" eventID(n) "\n" hashID(n) "\n" JCS(event(n))
// where prev(1) is the empty string and prev(n) = link(n−1), hashID is the CBV 2.0 Event Hash ID of the event (its
// content), and JCS is the event as stored, keys sorted (RFC 8785 for the JSON this platform stores: strings,
// finite numbers, booleans, null, arrays, objects). A checkpoint signs (producer, seq, link) with Ed25519. Pure
// functions: the store, the CLI and anyone holding an export use the same ones.

/** JSON with object keys sorted at every level and no spaces: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const linkHash = (prev: string, eventId: string, hashId: string, event: unknown): string =>
  crypto.createHash('sha256').update(`${prev}\n${eventId}\n${hashId}\n${canonicalJson(event)}`, 'utf8').digest('hex');

/** A stored link as an export carries it. */
export interface ChainLink {
  seq: number;
  eventId: string;
  hashId: string;
  /** The @context prefixes its extension fields use, for the hash ID. */
  prefixes: Record<string, string>;
  event: Record<string, unknown>;
  prevHash: string;
  chainHash: string;
}

export type LinkFault = 'hash_id' | 'link' | 'prev' | 'seq';
export interface ChainFault { seq: number; eventId: string; fault: LinkFault }

/** The hash ID of an event's content (CBV 2.0 leaves out eventID, recordTime and errorDeclaration, which a repository sets). */
export const hashIdOf = (event: Record<string, unknown>, prefixes: Record<string, string>) => eventHashId(event, { prefixes });

/**
 * Re-checks consecutive links (seq ascending): each hash ID against its event, each link against its inputs, each
 * prev against the link before. `before` is the link preceding the first (its chainHash), or '' from the start.
 */
export function checkLinks(links: ChainLink[], before = '', firstSeq = links[0]?.seq ?? 1): ChainFault[] {
  const faults: ChainFault[] = [];
  let prev = before;
  links.forEach((l, i) => {
    const at = { seq: l.seq, eventId: l.eventId };
    if (l.seq !== firstSeq + i) faults.push({ ...at, fault: 'seq' });
    if (hashIdOf(l.event, l.prefixes) !== l.hashId) faults.push({ ...at, fault: 'hash_id' });
    if (l.prevHash !== prev) faults.push({ ...at, fault: 'prev' });
    if (linkHash(l.prevHash, l.eventId, l.hashId, l.event) !== l.chainHash) faults.push({ ...at, fault: 'link' });
    prev = l.chainHash;
  });
  return faults;
}

export interface Checkpoint { producerId: number; seq: number; chainHash: string; signedAt: string; keyId: string; signature: string }

const checkpointText = (c: Pick<Checkpoint, 'producerId' | 'seq' | 'chainHash'>) => `tinhso-checkpoint:v1\n${c.producerId}\n${c.seq}\n${c.chainHash}`;

export interface SigningKey { keyId: string; privatePem: string; publicPem: string }

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { keyId: keyIdOf(publicPem), privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem };
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (DER). */
export const keyIdOf = (publicPem: string) =>
  crypto.createHash('sha256').update(crypto.createPublicKey(publicPem).export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

export const signCheckpoint = (key: SigningKey, c: Pick<Checkpoint, 'producerId' | 'seq' | 'chainHash'>): string =>
  crypto.sign(null, Buffer.from(checkpointText(c), 'utf8'), key.privatePem).toString('base64');

export function checkpointValid(publicPem: string, c: Checkpoint): boolean {
  try {
    return crypto.verify(null, Buffer.from(checkpointText(c), 'utf8'), publicPem, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** What a re-check of a whole exported chain finds: the faults of its links and of its checkpoints. */
export interface ChainReport { intact: boolean; events: number; head: string; faults: ChainFault[]; checkpoints: { seq: number; valid: boolean; matches: boolean }[] }

export function checkChain(links: ChainLink[], checkpoints: Checkpoint[], publicPem: string | null): ChainReport {
  const faults = checkLinks(links, '', 1);
  const bySeq = new Map(links.map((l) => [l.seq, l.chainHash]));
  const checked = checkpoints.map((c) => ({ seq: c.seq, valid: publicPem ? checkpointValid(publicPem, c) : false, matches: bySeq.get(c.seq) === c.chainHash }));
  const intact = faults.length === 0 && checked.every((c) => c.valid && c.matches);
  return { intact, events: links.length, head: links.at(-1)?.chainHash ?? '', faults, checkpoints: checked };
}
