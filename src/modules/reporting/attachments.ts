import { fileTypeFromBuffer } from 'file-type';
import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { actorName, type Actor, scopeUnitIds } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import type { UploadedFile } from '../../core/cases/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { attachmentCount, attachmentFile, attachmentViews, deleteAttachment, insertAttachments } from './repo.js';
import { reportRow } from './report-repo.js';

/** What may be attached: documents and images, recognised by their content, never by their name. */
const ACCEPTED = new Map([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);
const MAX_PER_REPORT = 10;

/** The file's name, kept readable (Vietnamese letters allowed) and safe in a header. */
const safeName = (name: string, ext: string) => {
  const base = name.normalize('NFC').replace(/[\p{Cc}\\/:*?"<>|]+/gu, '_').trim().slice(0, 150) || 'tep-dinh-kem';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
};

async function editableReport(db: Db, actor: Actor, reportId: number) {
  const r = await reportRow(db, reportId, true);
  if (!r) throw notFound('id');
  const scope = await scopeUnitIds(db, actor);
  if (scope && !scope.has(r.org_unit_id)) throw new AppError('out_of_scope', {}, 'id');
  if (r.state !== 'draft' && r.state !== 'returned') throw new AppError('report_locked', { state: r.state }, 'id');
  return r;
}

export async function attachFiles(db: Db, actor: Actor, reportId: number, files: UploadedFile[], request?: FastifyRequest) {
  const checked: (UploadedFile & { mime: string; ext: string })[] = [];
  for (const f of files) {
    const type = await fileTypeFromBuffer(f.data);
    const ext = type ? ACCEPTED.get(type.mime) : undefined;
    if (!type || !ext) throw new AppError('attachment_type', { name: f.filename || 'tệp' }, 'file');
    checked.push({ ...f, mime: type.mime, ext });
  }
  return inTransaction(db, async (trx) => {
    await editableReport(trx, actor, reportId);
    if ((await attachmentCount(trx, reportId)) + checked.length > MAX_PER_REPORT) throw new AppError('too_many_attachments', { max: MAX_PER_REPORT }, 'file');
    const rows = await insertAttachments(trx, checked.map((f) => ({
      report_id: reportId, file_name: safeName(f.filename, f.ext), content_type: f.mime, size: f.data.length, content: f.data, uploaded_by: actorName(actor),
    })));
    await recordAudit(trx, actor, { action: 'report.attach', entity: 'report', entityId: reportId, after: rows }, request);
    return rows;
  });
}

export async function removeAttachment(db: Db, actor: Actor, reportId: number, attachmentId: number, request?: FastifyRequest) {
  return inTransaction(db, async (trx) => {
    await editableReport(trx, actor, reportId);
    const row = await deleteAttachment(trx, reportId, attachmentId);
    if (!row) throw notFound('attachmentId');
    await recordAudit(trx, actor, { action: 'report.detach', entity: 'report', entityId: reportId, before: row }, request);
  });
}

export const listAttachments = (db: Db, reportId: number) => attachmentViews(db, reportId);

/** An attachment's file, for whoever may read its report. */
export async function readAttachment(db: Db, reportId: number, attachmentId: number) {
  const a = await attachmentFile(db, reportId, attachmentId);
  if (!a) throw new AppError('not_found', {}, 'attachmentId');
  return a;
}
