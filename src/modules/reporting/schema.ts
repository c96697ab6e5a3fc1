import { z } from 'zod';
import { ZFormDefinition } from './forms.js';

// Requests and answers of periodic reporting.

/** The packets of the QCVN 125:2021-shaped messages (qcvn125.ts). */
export const PACKETS = ['CHE_DO_BAO_CAO', 'KY_BAO_CAO', 'BIEU_MAU', 'SO_LIEU', 'TRANG_THAI_BAO_CAO'] as const;

const CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
export const ZRegimeCode = z.string().regex(CODE);
export const ZPeriodCode = z.string().regex(/^\d{4}(M(0[1-9]|1[0-2])|Q[1-4]|S[12])?$/);
const ZUnitId = z.number().int().positive();
const ZKind = z.enum(['periodic', 'thematic', 'ad_hoc']);
const ZLevel = z.enum(['province', 'district', 'commune', 'department']);
const ZBasis = z.enum(['decree09', 'calendar']);
const ZFrequency = z.enum(['month', 'quarter', 'sixmonth', 'year']);
const ZQueryUnitId = z.coerce.number().int().positive();

export const ZDeadlineRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day_of_month'), day: z.number().int().min(1).max(31), monthsAfterCutoff: z.number().int().min(0).max(3), nextWorkingDay: z.boolean().default(true) }).strict(),
  z.object({ kind: z.literal('working_days_after_cutoff'), days: z.number().int().min(0).max(60) }).strict(),
]);

export const ZRegime = z.object({
  code: ZRegimeCode,
  nameVi: z.string().trim().min(3).max(300),
  nameEn: z.string().trim().min(3).max(300),
  kind: ZKind.default('periodic'),
  content: z.string().trim().min(3).max(4000),
  reportingLevel: ZLevel.nullable().default(null),
  reportingUnitIds: z.array(ZUnitId).max(2000).default([]),
  /** Only units of this type within the level ("Phường", "Xã"). */
  reportingUnitType: z.string().trim().min(1).max(50).nullable().default(null),
  receivingUnitCode: z.string().trim().min(1).max(20),
  sendingMethod: z.string().trim().min(3).max(500),
  frequency: ZFrequency,
  basis: ZBasis.default('decree09'),
  deadline: ZDeadlineRule,
  guidance: z.string().trim().max(8000).nullable().default(null),
  legalBasis: z.string().trim().max(1000).nullable().default(null),
  electronic: z.boolean().default(true),
  form: ZFormDefinition,
}).strict().refine((r) => r.reportingLevel !== null || r.reportingUnitIds.length > 0, { message: 'reporting_level_or_units', path: ['reportingLevel'] });
export type RegimeInput = z.infer<typeof ZRegime>;

export const ZDraft = z.object({
  values: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)?$/), z.number().finite().nullable()).default({}),
  narrative: z.record(z.string().regex(/^[A-Z0-9_]{1,40}$/), z.string().max(100_000)).default({}),
  /** The revision the editor started from: a save over a newer one is refused. */
  revision: z.number().int().positive(),
}).strict();
export type DraftInput = z.infer<typeof ZDraft>;

export const ZId = z.object({ id: z.coerce.number().int().positive() });
export const ZAttachmentParams = ZId.extend({ attachmentId: z.coerce.number().int().positive() });
export const ZCodeParams = z.object({ code: ZRegimeCode });
export const ZDueQuery = z.object({ unitId: ZQueryUnitId.optional() });
export const ZRemind = z.object({ regime: ZRegimeCode, period: ZPeriodCode, unitIds: z.array(ZUnitId).max(2000).optional() }).strict();
export const ZOpenReport = z.object({ regime: ZRegimeCode, unitId: ZUnitId, period: ZPeriodCode }).strict();
export const REPORT_ACTIONS = ['submit', 'approve', 'return', 'unlock'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export const ZActionParams = ZId.extend({ action: z.enum(REPORT_ACTIONS) });
export const ZActionBody = z.object({ note: z.string().trim().min(1).max(4000).optional() }).strict().default({});
export const ZCompletenessQuery = z.object({ regime: ZRegimeCode, period: ZPeriodCode.optional(), unitId: ZQueryUnitId.optional() });
export const ZHistoryQuery = z.object({ regime: ZRegimeCode, from: ZPeriodCode, to: ZPeriodCode });
export const ZExchangeQuery = z.object({ packet: z.enum(PACKETS), regime: ZRegimeCode.optional(), period: ZPeriodCode.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ZConsolidatedQuery = z.object({ regime: ZRegimeCode, period: ZPeriodCode, unitId: ZQueryUnitId });

// Answers.

/** Sent as stored or made: documentation only. */
export { ZFileReply as ZFile } from '../../core/validation/index.js';
export const ZNoContent = z.undefined().describe('No content');
const ZState = z.enum(['draft', 'submitted', 'returned', 'approved']);
const ZJson = z.record(z.string(), z.unknown());
const ZPeriod = z.object({ code: z.string(), frequency: ZFrequency, basis: ZBasis, start: z.string(), end: z.string() });

export const ZRegimeListItem = z.object({
  code: z.string(), nameVi: z.string(), nameEn: z.string(), kind: ZKind, frequency: ZFrequency, basis: ZBasis,
  reportingLevel: ZLevel.nullable(), deadline: ZJson, electronic: z.boolean(), demo: z.boolean(), active: z.boolean(),
  receivingUnit: z.string().nullable(), legalBasis: z.string().nullable(),
});
const ZForm = z.object({ id: z.number(), version: z.number(), definition: ZJson });
export const ZRegimeDetail = z.object({
  id: z.number(), code: z.string(), name_vi: z.string(), name_en: z.string(), kind: ZKind, content: z.string(),
  reporting_level: ZLevel.nullable(), reporting_unit_ids: z.array(z.number()), reporting_unit_type: z.string().nullable(),
  receiving_unit_id: z.number(), sending_method: z.string(), frequency: ZFrequency, period_basis: ZBasis, deadline_rule: ZJson,
  guidance: z.string().nullable(), legal_basis: z.string().nullable(), electronic: z.boolean(), demo: z.boolean(), active: z.boolean(),
  created_at: z.date(), updated_at: z.date(), form: ZForm,
});
export const ZSavedRegime = z.object({ id: z.number(), code: z.string(), formVersion: z.number() });
export const ZDue = z.array(z.object({
  regime: z.string(), nameVi: z.string(), nameEn: z.string(), demo: z.boolean(), period: z.string(), start: z.string(), end: z.string(), dueDate: z.string(),
  reportId: z.number().nullable(), state: ZState.nullable(), submittedAt: z.date().nullable(),
}));
export const ZWaiting = z.object({
  id: z.number(), regime: z.string(), nameVi: z.string(), nameEn: z.string(), unitId: z.number(), period: z.string(), periodEnd: z.string(), dueDate: z.string(),
  submittedAt: z.date().nullable(), approvals: z.array(z.number()), unit: z.string().nullable(), next: z.number().nullable(), nextApprover: z.string().nullable(),
});
export const ZReminded = z.object({ reminded: z.number() });

const ZFinding = z.object({ severity: z.enum(['error', 'warning']), code: z.string(), field: z.string(), vi: z.string(), en: z.string() });
const ZAttachment = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number() });
const ZReportEvent = z.object({
  id: z.number(), report_id: z.number(), at: z.date(), actor_kind: z.string(), actor_name: z.string(), action: z.string(), from_state: z.string().nullable(),
  to_state: z.string().nullable(), unit_id: z.number().nullable(), note: z.string().nullable(), data: ZJson,
});
const ZCoded = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
export const ZReportView = z.object({
  elements: z.record(z.string(), ZCoded.extend({ unit: z.string().nullable(), unitEn: z.string().nullable(), valueType: z.string() })),
  cocs: z.record(z.string(), ZCoded),
  attachments: z.array(ZAttachment.extend({ uploadedBy: z.string(), uploadedAt: z.date() })),
  id: z.number(), regime: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), demo: z.boolean(), frequency: ZFrequency }),
  form: z.object({ version: z.number(), definition: ZJson }), unit: z.object({ id: z.number(), name: z.string() }),
  period: z.object({ code: z.string(), start: z.string(), end: z.string() }), dueDate: z.string(), state: ZState,
  values: z.record(z.string(), z.number().nullable()), narrative: z.record(z.string(), z.string()), revision: z.number(),
  submittedAt: z.date().nullable(), approvedAt: z.date().nullable(),
  chain: z.array(z.object({ id: z.number(), name: z.string(), approved: z.boolean() })),
  findings: z.array(ZFinding), timeline: z.array(ZReportEvent),
});
export const ZSavedDraft = z.object({ id: z.number(), revision: z.number(), findings: z.array(ZFinding) });
export const ZAttached = z.array(ZAttachment);
export const ZActed = z.object({ id: z.number(), state: ZState, approvals: z.array(z.number()), next: z.number().nullable() });
export const ZCompleteness = z.object({
  regime: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }), period: ZPeriod, dueDate: z.string(),
  expected: z.number(), submitted: z.number(), onTime: z.number(), late: z.number(), missing: z.number(), pending: z.number(), approved: z.number(),
  rate: z.number().nullable(), onTimeRate: z.number().nullable(),
  units: z.array(z.object({
    unitId: z.number(), unit: z.string(), parentId: z.number().nullable(), reportId: z.number().nullable(), state: ZState.nullable(),
    submittedOn: z.string().nullable(), status: z.enum(['on_time', 'late', 'missing', 'pending']), approvals: z.array(z.number()),
  })),
});
export const ZHistory = z.array(z.object({
  period: z.string(), end: z.string(), expected: z.number(), submitted: z.number(), onTime: z.number(), approved: z.number(), rate: z.number().nullable(),
}));
export const ZExchangeMessage = z.object({
  header: z.object({
    loaiGoiTin: z.enum(PACKETS), phienBan: z.string(), maGoiTin: z.string(), thoiGianGui: z.string(),
    donViGui: z.object({ ma: z.string(), ten: z.string() }).nullable(), heThongGui: z.string(),
  }),
  body: z.unknown().describe('each packet\'s list: docs/reporting-exchange.md'),
});
export const ZConsolidated = z.object({
  regime: z.string(), period: ZPeriod, unitId: z.number(), approvedReports: z.number(),
  totals: z.array(z.object({ key: z.string(), element: z.string(), coc: z.string().nullable(), aggregation: z.string(), value: z.number().nullable(), reports: z.number() })),
});
