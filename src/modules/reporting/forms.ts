import { z } from 'zod';

/** A data item of a form: an element (optionally one disaggregation of it), with its own checks. */
const ZItem = z.object({
  element: z.string().regex(/^[A-Z][A-Z0-9_]{1,60}$/),
  coc: z.string().regex(/^[A-Z0-9_]{1,80}$/).optional(),
  required: z.boolean().default(true),
  min: z.number().optional(),
  max: z.number().optional(),
}).strict();

const ZSection = z.discriminatedUnion('kind', [
  z.object({ code: z.string().regex(/^[A-Z0-9_]{1,40}$/), kind: z.literal('data'), titleVi: z.string().min(1), titleEn: z.string().min(1), items: z.array(ZItem).min(1) }).strict(),
  z.object({ code: z.string().regex(/^[A-Z0-9_]{1,40}$/), kind: z.literal('narrative'), titleVi: z.string().min(1), titleEn: z.string().min(1),
    /** The headings the text should follow, in Vietnamese (outline) and English (outlineEn). */
    outline: z.array(z.string()).default([]), outlineEn: z.array(z.string()).default([]), required: z.boolean().default(true) }).strict(),
]);

/** A cross-field rule: a sum of items compared with another sum ("A+B <= C"), as an error or a warning. */
const ZRule = z.object({
  code: z.string().regex(/^[A-Z0-9_]{1,40}$/),
  left: z.string().regex(/^[A-Z][A-Z0-9_.]*(\+[A-Z][A-Z0-9_.]*)*$/),
  op: z.enum(['<=', '<', '=', '>=', '>']),
  right: z.string().regex(/^[A-Z][A-Z0-9_.]*(\+[A-Z][A-Z0-9_.]*)*$/),
  severity: z.enum(['error', 'warning']),
  messageVi: z.string().min(1),
  messageEn: z.string().min(1),
}).strict();

export const ZFormDefinition = z.object({ sections: z.array(ZSection).min(1), rules: z.array(ZRule).default([]) }).strict()
  .superRefine((form, ctx) => {
    const all = form.sections.flatMap((s, si) => (s.kind === 'data' ? s.items.map((item, ii) => ({ key: itemKey(item), path: ['sections', si, 'items', ii] })) : []));
    const seen = new Set<string>();
    for (const { key, path } of all) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: `${key} is already on the form` });
      seen.add(key);
    }
    const codes = form.sections.map((s) => s.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) ctx.addIssue({ code: 'custom', path: ['sections', i, 'code'], message: `section ${code} is repeated` });
    });
    const keys = seen;
    form.rules.forEach((rule, i) => {
      for (const side of ['left', 'right'] as const) {
        for (const key of rule[side].split('+')) {
          if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['rules', i, side], message: `${key} is not an item of the form` });
        }
      }
    });
  });
export type FormDefinition = z.infer<typeof ZFormDefinition>;
export type FormItem = z.infer<typeof ZItem>;

/** The key of an item in a report's values: the element's code, with its disaggregation after a dot. */
export const itemKey = (item: { element: string; coc?: string }) => (item.coc ? `${item.element}.${item.coc}` : item.element);

export interface Finding {
  severity: 'error' | 'warning';
  code: 'required' | 'min' | 'max' | 'not_a_number' | 'unknown_item' | 'rule' | 'narrative_required' | 'outlier';
  /** The item's key, the section's code, or the rule's code. */
  field: string;
  vi: string;
  en: string;
}

/**
 * Checks a report against its form: required items and narrative sections, ranges, values that are not numbers or
 * items the form does not have, and the cross-field rules. Errors forbid submission; warnings are shown.
 */
export function checkReport(form: FormDefinition, values: Record<string, unknown>, narrative: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  const items = form.sections.flatMap((s) => (s.kind === 'data' ? s.items : []));
  const known = new Set(items.map(itemKey));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) findings.push({ severity: 'error', code: 'unknown_item', field: key, vi: `${key} không có trong biểu mẫu`, en: `${key} is not on the form` });
  }
  for (const item of items) {
    const key = itemKey(item);
    const v = values[key];
    if (v === undefined || v === null || v === '') {
      if (item.required) findings.push({ severity: 'error', code: 'required', field: key, vi: 'Bắt buộc nhập', en: 'Required' });
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      findings.push({ severity: 'error', code: 'not_a_number', field: key, vi: 'Phải là một số', en: 'Must be a number' });
      continue;
    }
    if (item.min !== undefined && v < item.min) findings.push({ severity: 'error', code: 'min', field: key, vi: `Không được nhỏ hơn ${item.min}`, en: `Must be at least ${item.min}` });
    if (item.max !== undefined && v > item.max) findings.push({ severity: 'error', code: 'max', field: key, vi: `Không được lớn hơn ${item.max}`, en: `Must be at most ${item.max}` });
  }
  for (const section of form.sections) {
    if (section.kind === 'narrative' && section.required && !(narrative[section.code] ?? '').trim()) {
      findings.push({ severity: 'error', code: 'narrative_required', field: section.code, vi: `Chưa viết phần "${section.titleVi}"`, en: `"${section.titleEn}" is empty` });
    }
  }
  const sum = (side: string) => {
    let total = 0;
    for (const key of side.split('+')) {
      const v = values[key];
      if (typeof v !== 'number') return null;
      total += v;
    }
    return total;
  };
  for (const rule of form.rules) {
    const left = sum(rule.left);
    const right = sum(rule.right);
    if (left === null || right === null) continue;
    const ok = rule.op === '<=' ? left <= right : rule.op === '<' ? left < right : rule.op === '=' ? left === right : rule.op === '>=' ? left >= right : left > right;
    if (!ok) findings.push({ severity: rule.severity, code: 'rule', field: rule.code, vi: `${rule.messageVi} (${left} ${rule.op} ${right})`, en: `${rule.messageEn} (${left} ${rule.op} ${right})` });
  }
  return findings;
}

/**
 * Outlier hints against the unit's own history: a value more than three times, or less than a third of, the median of
 * its last reports (at least three of them). Shown as warnings; never blocks.
 */
export function outlierHints(values: Record<string, unknown>, history: Record<string, number[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [key, past] of Object.entries(history)) {
    const v = values[key];
    if (typeof v !== 'number' || past.length < 3) continue;
    const sorted = [...past].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    if (median > 0 && (v > 3 * median || v < median / 3)) {
      findings.push({ severity: 'warning', code: 'outlier', field: key, vi: `Khác thường so với các kỳ trước (trung vị ${median})`, en: `Unusual against earlier periods (median ${median})` });
    }
  }
  return findings;
}

/** JSON with object keys sorted, so that two equal forms compare equal whatever order the database kept. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}
