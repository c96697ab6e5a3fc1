import { fileTypeFromBuffer } from 'file-type';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import type { UploadedFile } from '../../core/cases/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { readMultipart } from '../../server/multipart.js';
import { producerInScope } from './producers.js';
import { certificateEvidence, certificateRows, insertCertificate, productRow } from './repo.js';
import { ZCertificateInput, type CertificateInput } from './schema.js';

// A producer's certificates (VietGAP, organic, OCOP…), of one product or of its whole output, with the scan of the
// certificate as evidence.

/** What evidence may be: a PDF or a photo of the paper, recognised by its content, never by its name. */
const EVIDENCE = new Map([['application/pdf', 'pdf'], ['image/jpeg', 'jpg'], ['image/png', 'png']]);

type CertificateRow = Awaited<ReturnType<typeof certificateRows>>[number];
const view = (r: CertificateRow) => ({
  id: Number(r.id), producerId: Number(r.producer_id), productId: r.product_id === null ? null : Number(r.product_id), scheme: r.scheme, number: r.number,
  issuer: r.issuer, validFrom: r.valid_from, validTo: r.valid_to, evidenceName: r.evidence_name,
});

export async function listCertificates(db: Db, actor: Actor, producerId: number) {
  await producerInScope(db, actor, producerId);
  return { items: (await certificateRows(db, producerId)).map(view) };
}

/** A certificate as JSON, or a multipart form with its JSON in `certificate` and one evidence file in `evidence`. */
export async function readCertificateRequest(request: FastifyRequest): Promise<{ input: CertificateInput; evidence: UploadedFile | null }> {
  if (!request.isMultipart()) return { input: ZCertificateInput.parse(request.body ?? {}), evidence: null };
  const { fields, files } = await readMultipart(request, ['evidence'], 'documents');
  if (files.length > 1) throw new AppError('one_file_expected', { kind: 'PDF, JPEG, PNG', name: 'evidence' }, 'evidence');
  let body: unknown;
  try {
    body = JSON.parse(fields.certificate ?? '');
  } catch {
    throw new AppError('certificate_json_required', {}, 'certificate');
  }
  return { input: ZCertificateInput.parse(body), evidence: files[0] ?? null };
}

const safeName = (name: string, ext: string) => {
  const base = name.normalize('NFC').replace(/[\p{Cc}\\/:*?"<>|]+/gu, '_').trim().slice(0, 150) || 'minh-chung';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
};

export async function addCertificate(options: { db: Db; actor: Actor; producerId: number; input: CertificateInput; evidence: UploadedFile | null; now: Date; request?: FastifyRequest }) {
  const { db, actor, producerId, input, evidence, now, request } = options;
  let file: { data: Buffer; type: string; name: string } | null = null;
  if (evidence) {
    const type = await fileTypeFromBuffer(evidence.data);
    const ext = type ? EVIDENCE.get(type.mime) : undefined;
    if (!type || !ext) throw new AppError('evidence_type', { name: evidence.filename || 'tệp' }, 'evidence');
    file = { data: evidence.data, type: type.mime, name: safeName(evidence.filename, ext) };
  }
  return inTransaction(db, async (trx) => {
    await producerInScope(trx, actor, producerId);
    if (input.productId) {
      const product = await productRow(trx, input.productId);
      if (!product || Number(product.producer_id) !== producerId) throw new AppError('reference_not_found', {}, 'productId');
    }
    const row = await insertCertificate(trx, {
      producer_id: producerId, product_id: input.productId ?? null, scheme: input.scheme, number: input.number, issuer: input.issuer,
      valid_from: input.validFrom, valid_to: input.validTo, evidence: file?.data ?? null, evidence_type: file?.type ?? null, evidence_name: file?.name ?? null, created_at: now,
    });
    await recordAudit(trx, actor, { action: 'trace_certificate.create', entity: 'trace_certificate', entityId: row.id, after: { ...input, evidence: file?.name ?? null } }, request);
    return view(row);
  });
}

export async function certificateEvidenceFile(db: Db, actor: Actor, id: number) {
  const row = await certificateEvidence(db, id);
  if (!row) throw notFound();
  await producerInScope(db, actor, Number(row.producer_id));
  if (!row.evidence || !row.evidence_type) throw notFound('evidence');
  return { type: row.evidence_type, name: row.evidence_name ?? 'minh-chung', body: row.evidence };
}
