import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Unit } from '../api';
import { useAuth } from '../auth';
import { ErrorText } from '../components/Chrome';
import { FollowUpList } from '../components/FollowUpList';
import { ValueDetail, type ValueRef } from '../components/ValueDetail';

interface Element {
  code: string; nameVi: string; nameEn: string; valueType: 'integer' | 'number' | 'percentage' | 'boolean' | 'text'; unit: string | null;
  periodTypes: string[]; disaggregations: { code: string; nameVi: string; nameEn: string }[];
}
interface Stored { dataElement: string; period: string; categoryOptionCombo: string; value: string | null; comment: string | null; followup: boolean }
interface Problem { row: number; field: string; vi: string; en: string }

const PERIOD_TYPES = ['year', 'sixmonth', 'quarter', 'month'] as const;
type PeriodType = (typeof PERIOD_TYPES)[number];

/** The periods of a type in a year, with their codes and the last day of each. */
function periodsOf(type: PeriodType, year: number): { code: string; end: string }[] {
  const end = (m: number) => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  switch (type) {
    case 'year': return [{ code: String(year), end: `${year}-12-31` }];
    case 'sixmonth': return [1, 2].map((n) => ({ code: `${year}S${n}`, end: end(n * 6) }));
    case 'quarter': return [1, 2, 3, 4].map((n) => ({ code: `${year}Q${n}`, end: end(n * 3) }));
    case 'month': return Array.from({ length: 12 }, (_, i) => ({ code: `${year}M${String(i + 1).padStart(2, '0')}`, end: end(i + 1) }));
  }
}

/** A period's short column heading in the whole-year grid: T7 / M7, Q3, 6T1 / H1. */
function shortLabel(code: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const m = /^\d{4}([SQM])(\d{1,2})$/.exec(code);
  return m ? t(`entry.short.${m[1]}`, { n: Number(m[2]) }) : code;
}

/** The value "all" of the period picker: every period of the type in the year, one column each. */
const WHOLE_YEAR = 'all';

/** The same checks the server makes, so an officer sees a mistake before saving. */
export function checkCell(type: Element['valueType'], raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  if (type === 'text') return null;
  if (type === 'boolean') return /^(true|false|1|0)$/i.test(text) ? null : 'boolean';
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n)) return 'number';
  if (type === 'integer' && !Number.isInteger(n)) return 'integer';
  if (type === 'percentage' && (n < 0 || n > 100)) return 'percentage';
  return null;
}

export function DataEntryPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const client = useQueryClient();
  const [type, setType] = useState<PeriodType>('year');
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [unitId, setUnitId] = useState<number | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<ValueRef | null>(null);
  const whole = period === WHOLE_YEAR;
  const columns = whole ? periodsOf(type, year) : periodsOf(type, year).filter((p) => p.code === period);
  // Units are those in force at the end of the period shown (of the year, for the whole year).
  const periodEnd = whole ? `${year}-12-31` : (columns[0]?.end ?? `${year}-12-31`);

  const scoped = me?.user.role === 'officer' || me?.user.role === 'reviewer';
  const units = useQuery({
    queryKey: ['entry-units', periodEnd, scoped, me?.user.orgUnitId],
    queryFn: async () => {
      if (!scoped) return api<Unit[]>(`/api/org-units?asOf=${periodEnd}`);
      const own = await api<{ unit: Unit }>(`/api/org-units/${me!.user.orgUnitId}`);
      const below = await api<Unit[]>(`/api/org-units/${me!.user.orgUnitId}/descendants?asOf=${periodEnd}`);
      return [own.unit, ...below];
    },
  });
  const unit = units.data?.find((u) => u.id === unitId) ?? null;
  const elements = useQuery({ queryKey: ['elements'], queryFn: () => api<Element[]>('/api/data-elements') });
  const shown = useMemo(() => (elements.data ?? []).filter((e) => e.periodTypes.includes(type) && e.valueType !== 'text'), [elements.data, type]);
  const stored = useQuery({
    enabled: Boolean(unit) && shown.length > 0 && columns.length > 0,
    queryKey: ['entry-values', unit?.code, columns.map((c) => c.code).join(), shown.map((e) => e.code).join()],
    queryFn: () => api<{ dataValues: Stored[] }>(`/api/dataValueSets?orgUnit=${encodeURIComponent(unit!.code)}&${columns.map((c) => `period=${c.code}`).join('&')}&${shown.map((e) => `dataElement=${e.code}`).join('&')}`),
  });
  const storedValue = (element: string, coc: string, p: string) => stored.data?.dataValues.find((v) => v.dataElement === element && v.categoryOptionCombo === coc && v.period === p);
  const key = (element: string, coc: string, p: string) => `${element}|${coc}|${p}`;

  const save = useMutation({
    mutationFn: async () => {
      const changed = Object.entries(edits).map(([k, value]) => {
        const [element, coc, p] = k.split('|') as [string, string, string];
        return { k, row: { element, orgUnitId: unit!.id, period: p, ...(coc !== 'default' ? { coc } : {}), value: value.trim() === '' ? null : value.trim().replace(',', '.') } };
      });
      try {
        return await api<{ imported: number; updated: number; deleted: number }>('/api/data-values', { method: 'POST', body: { values: changed.map((c) => c.row) } });
      } catch (err) {
        if (err instanceof ApiError && Array.isArray(err.details)) {
          const list = err.details as Problem[];
          setProblems(Object.fromEntries(list.map((p) => [changed[p.row]!.k, i18n.language === 'vi' ? p.vi : p.en])));
        }
        throw err;
      }
    },
    onSuccess: () => {
      setEdits({});
      setProblems({});
      void client.invalidateQueries({ queryKey: ['entry-values'] });
    },
  });
  const invalid = Object.entries(edits).filter(([k, v]) => checkCell(shown.find((e) => e.code === k.split('|')[0])?.valueType ?? 'number', v));
  const name = (x: { nameVi: string; nameEn: string }) => (i18n.language === 'vi' ? x.nameVi : x.nameEn);

  return (
    <section>
      <h1>{t('entry.title')}</h1>
      <FollowUpList />
      <div className="row wrap card">
        <label>{t('entry.periodType')}
          <select value={type} onChange={(e) => { const v = e.target.value as PeriodType; setType(v); setPeriod(periodsOf(v, year)[0]!.code); setEdits({}); }}>
            {PERIOD_TYPES.map((p) => <option key={p} value={p}>{t(`entry.types.${p}`)}</option>)}
          </select>
        </label>
        <label>{t('entry.year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => { const y = Number(e.target.value); setYear(y); setPeriod(whole ? WHOLE_YEAR : periodsOf(type, y)[0]!.code); setEdits({}); }} />
        </label>
        {type !== 'year' && (
          <label>{t('entry.period')}
            <select value={period} onChange={(e) => { setPeriod(e.target.value); setEdits({}); }}>
              {periodsOf(type, year).map((p) => <option key={p.code} value={p.code}>{p.code}</option>)}
              <option value={WHOLE_YEAR}>{t('entry.wholeYear', { year, count: periodsOf(type, year).length })}</option>
            </select>
          </label>
        )}
        <label>{t('entry.unit')}
          <select name="unit" value={unitId ?? ''} onChange={(e) => { setUnitId(Number(e.target.value)); setEdits({}); }}>
            <option value="" disabled>—</option>
            {units.data?.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.code})</option>)}
          </select>
        </label>
      </div>
      {!unit ? <p className="muted">{t('entry.pick')}</p> : (
        <>
          <div className="table-wrap">
            <table className={whole ? 'entry whole' : 'entry'}>
              <thead><tr>
                <th>{t('entry.element')}</th><th>{t('entry.disaggregation')}</th>
                {whole ? columns.map((p) => <th key={p.code} className="num" title={p.code}>{shortLabel(p.code, t)}</th>) : <><th>{t('entry.value')}</th><th>{t('entry.stored')}</th></>}
              </tr></thead>
              <tbody>
                {shown.flatMap((e) => (e.disaggregations.length ? e.disaggregations : [{ code: 'default', nameVi: '', nameEn: '' }]).map((d) => {
                  const cells = columns.map((p) => {
                    const k = key(e.code, d.code, p.code);
                    const clientProblem = k in edits ? checkCell(e.valueType, edits[k]!) : null;
                    const kept = storedValue(e.code, d.code, p.code);
                    return { p, k, kept, value: edits[k] ?? kept?.value ?? '', problem: clientProblem ? t(`entry.invalid.${clientProblem}`) : problems[k] };
                  });
                  const rowProblem = cells.some((c) => c.problem);
                  const label = `${name(e)}${d.code === 'default' ? '' : ` – ${name(d)}`}`;
                  return (
                    <tr key={`${e.code}|${d.code}`} className={rowProblem ? 'invalid' : cells.some((c) => c.k in edits) ? 'changed' : undefined}>
                      <td>{name(e)} <small className="muted">{e.unit}</small></td>
                      <td>{d.code === 'default' ? '' : name(d)}</td>
                      {cells.map((c) => (
                        <td key={c.p.code} className={c.k in edits ? 'edited' : undefined}>
                          <input aria-label={whole ? `${e.code} ${d.code} ${c.p.code}` : `${e.code} ${d.code}`} inputMode="decimal" value={c.value}
                            onChange={(ev) => setEdits({ ...edits, [c.k]: ev.target.value })} aria-invalid={Boolean(c.problem)} />
                          {c.kept && (
                            <button type="button" className={`cell-info${c.kept.followup ? ' flagged' : ''}`}
                              aria-label={t('entry.detailOf', { name: label, period: c.p.code })} title={c.kept.comment ?? undefined}
                              onClick={() => setDetail({ element: e.code, elementName: label, coc: d.code, period: c.p.code, unitId: unit.id })}>
                              {c.kept.followup ? '⚑' : c.kept.comment ? '✎' : 'ⓘ'}
                            </button>
                          )}
                          {c.problem && <div className="error small">{c.problem}</div>}
                        </td>
                      ))}
                      {!whole && <td className="muted small">{cells[0]?.kept?.value ?? ''}</td>}
                    </tr>
                  );
                }))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <button className="primary" disabled={!Object.keys(edits).length || invalid.length > 0 || save.isPending} onClick={() => save.mutate()}>{t('entry.save', { count: Object.keys(edits).length })}</button>
            {save.data && <span className="ok" role="status">{t('entry.saved', save.data)}</span>}
          </div>
          <ErrorText error={save.error} />
          {detail && detail.unitId === unit.id && <ValueDetail key={`${detail.element}|${detail.coc}|${detail.period}`} target={detail} onClose={() => setDetail(null)} />}
        </>
      )}
    </section>
  );
}
