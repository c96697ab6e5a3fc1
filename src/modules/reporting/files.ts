import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../core/access/index.js';
import type { WorkbookLimits } from '../../core/workbook/index.js';
import { AppError } from '../../server/errors.js';
import { readMultipart } from '../../server/multipart.js';
import { attachFiles } from './attachments.js';
import { readReportCsv, reportCsv } from './csv.js';
import { reportView, saveDraft } from './reports.js';
import { readReportWorkbook, reportWorkbook } from './xlsx.js';

// A report as files: its Excel form and CSV out and back in, and documents attached to it.

type View = Awaited<ReturnType<typeof reportView>>;
const fileName = (r: View, ext: string) => `${r.regime.code}_${r.period.code}_${r.unit.id}.${ext}`;
const contents = (r: View) => ({
  id: r.id, regime: r.regime.nameVi, unit: r.unit.name, period: r.period.code, dueDate: r.dueDate, form: r.form.definition,
  elements: r.elements, values: r.values, narrative: r.narrative,
});

/** The Excel form pre-filled for the unit and period. */
export async function exportReportWorkbook({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const r = await reportView(db, actor, id);
  return { name: fileName(r, 'xlsx'), body: await reportWorkbook({ ...contents(r), cocs: r.cocs }) };
}

/** A filled workbook back: all or nothing, every bad cell named by its sheet and cell. */
export async function importReportWorkbook(options: { db: Db; actor: Actor; id: number; request: FastifyRequest; now: Date; limits: WorkbookLimits }) {
  const { db, actor, id, request, now } = options;
  const r = await reportView(db, actor, id);
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const { files } = await readMultipart(request, ['file'], 'documents');
  if (files.length !== 1) throw new AppError('one_file_expected', { kind: '.xlsx', name: 'file' }, 'file');
  const read = await readReportWorkbook(files[0]!.data, r.id, r.form.definition, options.limits);
  if (read.problems.length) {
    throw new AppError('workbook_invalid', { count: read.problemCount, first: `${read.problems[0]!.sheet}!${read.problems[0]!.cell}` }, 'file', { details: read.problems });
  }
  return saveDraft(db, actor, r.id, { values: read.values, narrative: read.narrative, revision: r.revision }, now, 'upload');
}

export async function exportReportCsv({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const r = await reportView(db, actor, id);
  return { name: fileName(r, 'csv'), body: reportCsv(contents(r)) };
}

/** The numbers of a report from CSV (a text/csv body), all or nothing, every bad line named. */
export async function importReportCsv({ db, actor, id, body, now }: { db: Db; actor: Actor; id: number; body: unknown; now: Date }) {
  const r = await reportView(db, actor, id);
  if (typeof body !== 'string') throw new AppError('unsupported_media_type');
  const read = readReportCsv(body, r.form.definition);
  if (read.problems.length) throw new AppError('workbook_invalid', { count: read.problems.length, first: read.problems[0]!.cell }, 'file', { details: read.problems });
  return saveDraft(db, actor, r.id, { values: read.values, narrative: {}, revision: r.revision }, now, 'upload');
}

/** Documents attached to a report from a multipart form (field "file"). */
export async function attachUploadedFiles({ db, actor, id, request }: { db: Db; actor: Actor; id: number; request: FastifyRequest }) {
  await reportView(db, actor, id);
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const { files } = await readMultipart(request, ['file'], 'documents');
  if (!files.length) throw new AppError('file_required', { name: 'file' }, 'file');
  return attachFiles(db, actor, id, files, request);
}
