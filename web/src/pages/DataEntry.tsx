import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Unit } from '../api';
import { useAuth } from '../auth';
import { ErrorText } from '../components/Chrome';

interface Element {
  code: string; nameVi: string; nameEn: string; valueType: 'integer' | 'number' | 'percentage' | 'boolean' | 'text'; unit: string | null;
  periodTypes: string[]; disaggregations: { code: string; nameVi: string; nameEn: string }[];
}
interface Stored { dataElement: string; categoryOptionCombo: string; value: string | null; comment: string | null }
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
  const periodEnd = periodsOf(type, year).find((p) => p.code === period)?.end ?? `${year}-12-31`;

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
    enabled: Boolean(unit) && shown.length > 0,
    queryKey: ['entry-values', unit?.code, period, shown.map((e) => e.code).join()],
    queryFn: () => api<{ dataValues: Stored[] }>(`/api/dataValueSets?orgUnit=${encodeURIComponent(unit!.code)}&period=${period}&${shown.map((e) => `dataElement=${e.code}`).join('&')}`),
  });
  const current = (element: string, coc: string) => stored.data?.dataValues.find((v) => v.dataElement === element && v.categoryOptionCombo === coc)?.value ?? '';
  const key = (element: string, coc: string) => `${element}|${coc}`;

  const save = useMutation({
    mutationFn: async () => {
      const changed = Object.entries(edits).map(([k, value]) => {
        const [element, coc] = k.split('|') as [string, string];
        return { k, row: { element, orgUnitId: unit!.id, period, ...(coc !== 'default' ? { coc } : {}), value: value.trim() === '' ? null : value.trim().replace(',', '.') } };
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
      <div className="row wrap card">
        <label>{t('entry.periodType')}
          <select value={type} onChange={(e) => { const v = e.target.value as PeriodType; setType(v); setPeriod(periodsOf(v, year)[0]!.code); setEdits({}); }}>
            {PERIOD_TYPES.map((p) => <option key={p} value={p}>{t(`entry.types.${p}`)}</option>)}
          </select>
        </label>
        <label>{t('entry.year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => { const y = Number(e.target.value); setYear(y); setPeriod(periodsOf(type, y)[0]!.code); setEdits({}); }} />
        </label>
        {type !== 'year' && (
          <label>{t('entry.period')}
            <select value={period} onChange={(e) => { setPeriod(e.target.value); setEdits({}); }}>
              {periodsOf(type, year).map((p) => <option key={p.code} value={p.code}>{p.code}</option>)}
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
            <table className="entry">
              <thead><tr><th>{t('entry.element')}</th><th>{t('entry.disaggregation')}</th><th>{t('entry.value')}</th><th>{t('entry.stored')}</th></tr></thead>
              <tbody>
                {shown.flatMap((e) => (e.disaggregations.length ? e.disaggregations : [{ code: 'default', nameVi: '', nameEn: '' }]).map((d) => {
                  const k = key(e.code, d.code);
                  const value = edits[k] ?? current(e.code, d.code);
                  const clientProblem = k in edits ? checkCell(e.valueType, edits[k]!) : null;
                  const problem = clientProblem ? t(`entry.invalid.${clientProblem}`) : problems[k];
                  return (
                    <tr key={k} className={problem ? 'invalid' : k in edits ? 'changed' : undefined}>
                      <td>{name(e)} <small className="muted">{e.unit}</small></td>
                      <td>{d.code === 'default' ? '' : name(d)}</td>
                      <td>
                        <input aria-label={`${e.code} ${d.code}`} inputMode="decimal" value={value} onChange={(ev) => setEdits({ ...edits, [k]: ev.target.value })} aria-invalid={Boolean(problem)} />
                        {problem && <div className="error small">{problem}</div>}
                      </td>
                      <td className="muted small">{current(e.code, d.code)}</td>
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
        </>
      )}
    </section>
  );
}
