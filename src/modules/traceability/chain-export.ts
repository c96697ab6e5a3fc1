import { z } from 'zod';
import { checkChain, type ChainReport } from './chain.js';
import { storedIdentifier } from './event-fields.js';

// The export of a producer's chain (format tinhso-chain/1) as anyone re-checks it, offline: the CLI's
// `trace verify FILE [--lot URI]` reads one with this schema and re-checks every link and checkpoint.

const ZLink = z.object({
  seq: z.number().int().positive(), eventId: z.string(), hashId: z.string(), prefixes: z.record(z.string(), z.string()),
  event: z.record(z.string(), z.unknown()), prevHash: z.string(), chainHash: z.string().regex(/^[0-9a-f]{64}$/),
});
const ZCheckpoint = z.object({
  producerId: z.number().int(), seq: z.number().int().positive(), chainHash: z.string(), signedAt: z.string(), keyId: z.string(), signature: z.string(),
});
export const ZChainExport = z.object({
  format: z.literal('tinhso-chain/1'),
  producer: z.object({ id: z.number().int(), name: z.string() }),
  key: z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKeyPem: z.string() }),
  links: z.array(ZLink),
  checkpoints: z.array(ZCheckpoint),
});
export type ChainExport = z.infer<typeof ZChainExport>;

/** The re-check of an export, and, given a lot (its Digital Link or LGTIN URN), the positions of the lot's events in it. */
export function verifyExport(json: unknown, lot?: string): ChainReport & { producer: ChainExport['producer']; lotEvents: number[] | null } {
  const chain = ZChainExport.parse(json);
  const report = checkChain(chain.links, chain.checkpoints, chain.key.publicKeyPem);
  const lotClass = lot ? storedIdentifier(lot) : null;
  const lotEvents = lotClass === null ? null : chain.links.filter((l) => classesOf(l.event).some((c) => storedIdentifier(c) === lotClass)).map((l) => l.seq);
  return { ...report, producer: chain.producer, lotEvents };
}

const classesOf = (event: Record<string, unknown>): string[] =>
  ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'].flatMap((k) =>
    Array.isArray(event[k]) ? (event[k] as { epcClass?: unknown }[]).flatMap((q) => (typeof q?.epcClass === 'string' ? [q.epcClass] : [])) : []);
