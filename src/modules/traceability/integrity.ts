import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../../db/database.js';
import { ensureSetting } from '../../server/settings.js';
import { checkChain, checkLinks, keyIdOf, newSigningKey, signCheckpoint, type ChainLink, type ChainReport, type Checkpoint, type SigningKey } from './chain.js';
import { chainFingerprintAt, chainRows, chainRowsAt, checkpointRows, insertCheckpoint, lastCheckpoint, producersToCheckpoint } from './events-repo.js';
import { producerRow } from './repo.js';

// Tamper evidence in the store: the signing key, checkpoints of each chain head, the re-check of a whole chain or of
// some links, and the export anyone re-checks with `npm run cli -- trace verify FILE` (docs/traceability-chain.md).

let fileKey: SigningKey | undefined;

/**
 * The checkpoints' Ed25519 key: from the PEM file TINHSO_TRACE_SIGNING_KEY names (kept outside the database, so
 * that whoever can write SQL cannot re-sign a rewritten chain), else one the platform makes once and keeps.
 */
export async function signingKey(db: Db): Promise<SigningKey> {
  const file = process.env.TINHSO_TRACE_SIGNING_KEY;
  if (file) {
    if (!fileKey) {
      const { createPrivateKey, createPublicKey } = await import('node:crypto');
      const privatePem = fs.readFileSync(file, 'utf8');
      const publicPem = createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'pem' }).toString();
      fileKey = { keyId: keyIdOf(publicPem), privatePem, publicPem };
    }
    return fileKey;
  }
  return ensureSetting(db, 'traceability.signing_key', newSigningKey);
}

export const publicKey = async (db: Db) => {
  const { keyId, publicPem } = await signingKey(db);
  return { keyId, algorithm: 'Ed25519' as const, publicKeyPem: publicPem };
};

type Row = Awaited<ReturnType<typeof chainRows>>[number];
export const toLink = (r: Row): ChainLink => ({
  seq: Number(r.seq), eventId: r.event_id, hashId: r.hash_id, prefixes: r.prefixes, event: r.document, prevHash: r.prev_hash, chainHash: r.chain_hash,
});
const toCheckpoint = (r: Awaited<ReturnType<typeof checkpointRows>>[number]): Checkpoint => ({
  producerId: Number(r.producer_id), seq: Number(r.seq), chainHash: r.chain_hash, signedAt: r.signed_at.toISOString(), keyId: r.key_id, signature: r.signature,
});

/**
 * Signs the head of every chain that has grown since its last checkpoint, once the links added since hold and join
 * the link that checkpoint signed: a chain edited in between is left unsigned (the daily watch reports it).
 */
export async function writeCheckpoints(db: Db, now: Date): Promise<number> {
  const key = await signingKey(db);
  let signed = 0;
  for (const p of await producersToCheckpoint(db)) {
    const c = { producerId: Number(p.id), seq: Number(p.chain_seq), chainHash: p.chain_head };
    const last = await lastCheckpoint(db, c.producerId);
    const from = last ? Number(last.seq) + 1 : 1;
    const links = (await chainRows(db, c.producerId, from, c.seq)).map(toLink);
    if (links.length !== c.seq - from + 1 || links.at(-1)?.chainHash !== c.chainHash || checkLinks(links, last?.chain_hash ?? '', from).length) continue;
    await insertCheckpoint(db, { producer_id: c.producerId, seq: c.seq, chain_hash: c.chainHash, signed_at: now, key_id: key.keyId, signature: signCheckpoint(key, c) });
    signed++;
  }
  return signed;
}

/** Every link of a producer's chain, read in pages. */
async function allLinks(db: Db, producerId: number, upTo: number): Promise<ChainLink[]> {
  const links: ChainLink[] = [];
  for (let from = 1; from <= upTo; from += 5000) links.push(...(await chainRows(db, producerId, from, Math.min(upTo, from + 4999))).map(toLink));
  return links;
}

/** The chain as an export carries it: every link, the signed checkpoints and the key to check them with. */
export async function exportChain(db: Db, producerId: number) {
  const producer = (await producerRow(db, producerId))!;
  const [links, checkpoints, key] = await Promise.all([allLinks(db, producerId, Number(producer.chain_seq)), checkpointRows(db, producerId), publicKey(db)]);
  return { format: 'tinhso-chain/1' as const, producer: { id: producerId, name: producer.name }, key, links, checkpoints: checkpoints.map(toCheckpoint) };
}

/** The re-check of a whole chain in the store: its links, its checkpoints, and the head the producer's row holds. */
export async function producerIntegrity(db: Db, producerId: number): Promise<ChainReport & { headMatches: boolean }> {
  const chain = await exportChain(db, producerId);
  const report = checkChain(chain.links, chain.checkpoints, chain.key.publicKeyPem);
  const producer = (await producerRow(db, producerId))!;
  const headMatches = report.head === producer.chain_head && chain.links.length === Number(producer.chain_seq);
  return { ...report, intact: report.intact && headMatches, headMatches };
}

// A verdict on some links is a pure function of their stored bytes: kept by a fingerprint of those bytes, which the
// database computes where they lie, so the same rows are read and hashed once (a lot's page asks on every scan) while
// any change to them (an edit in SQL) is checked afresh.
const verdicts = new Map<string, boolean>();
const EMPTY = crypto.createHash('sha256').update('').digest('hex');

/** Whether some links (of one lot, say) hold: each against its content and the link before it. */
export async function linksIntact(db: Db, producerId: number, seqs: number[]): Promise<boolean> {
  const wanted = [...new Set(seqs.flatMap((s) => [s, s - 1]).filter((s) => s >= 1))];
  const keyOf = (fingerprint: string) => crypto.createHash('sha256').update(JSON.stringify([producerId, seqs, fingerprint])).digest('base64');
  const known = verdicts.get(keyOf(await chainFingerprintAt(db, producerId, wanted)));
  if (known !== undefined) return known;
  const rows = await chainRowsAt(db, producerId, wanted);
  const digest = keyOf(rows[0]?.fingerprint ?? EMPTY);
  const links = new Map(rows.map((r) => [Number(r.seq), toLink(r)]));
  const verdict = seqs.every((seq) => {
    const mine = links.get(seq);
    const before = seq > 1 ? links.get(seq - 1) : undefined;
    return Boolean(mine && (seq === 1 || before) && checkLinks([mine], before?.chainHash ?? '', seq).length === 0);
  });
  if (verdicts.size >= 2000) verdicts.clear();
  verdicts.set(digest, verdict);
  return verdict;
}
