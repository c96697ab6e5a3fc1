import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError, type Unit } from '../api';
import { ErrorText } from '../components/Chrome';

interface Element {
  code: string; nameVi: string; nameEn: string; valueType: string; aggUnits: string; aggTime: string; unit: string | null; periodTypes: string[];
  categoryCombo: string; disaggregations: { code: string; nameVi: string; nameEn: string }[];
}
interface IndicatorRow { code: string; nameVi: string; nameEn: string; numerator: string; denominator: string; factor: number; pillar: string; direction: string; framework: string; unitLabel: string | null; source: string | null }
interface IndicatorFull extends IndicatorRow { decimals: number; sort: number; description: string | null; targets: Target[] }
interface Target { year: number; kind: 'baseline' | 'target'; value: number; source: string | null }
interface Combo { code: string; nameVi: string; nameEn: string; categories: { code: string; nameVi: string; nameEn: string; options: { code: string; nameVi: string }[] }[]; combinations: { code: string }[] }
type Verdict = { valid: true } | { valid: false; field: 'numerator' | 'denominator'; position: number; messages: Record<string, string> };

/** The end of an editor form: its own buttons, Save, the saved mark and any error. */
function SaveRow({ result, error, disabled, children }: { result: { isSuccess: boolean; error: unknown }; error?: unknown; disabled?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="wide row wrap">
        {children}
        <button className="primary" type="submit" disabled={disabled}>{t('meta.save')}</button>
        {result.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
      </div>
      <ErrorText error={result.error ?? error} />
    </>
  );
}

const PILLARS = ['government', 'economy', 'society', 'foundations'] as const;
const VALUE_TYPES = ['integer', 'number', 'percentage', 'boolean', 'text'] as const;
const AGGREGATIONS = ['sum', 'average', 'last', 'min', 'max', 'none'] as const;
const PERIOD_TYPES = ['year', 'sixmonth', 'quarter', 'month', 'week', 'day'] as const;

/** The formula with the character at fault marked, so the eye finds it at once. */
function FaultMark({ source, position }: { source: string; position: number }) {
  const at = Math.max(0, position - 1);
  return (
    <code className="formula-fault" data-testid="formula-fault">
      {source.slice(0, at)}<mark>{source.slice(at, at + 1) || '␣'}</mark>{source.slice(at + 1)}
    </code>
  );
}

/** A formula field with a list of data elements to insert as #{CODE} where the cursor stands. */
function FormulaInput({ label, value, onChange, elements }: { label: string; value: string; onChange(v: string): void; elements: Element[] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (code: string) => {
    if (!code) return;
    const at = ref.current?.selectionStart ?? value.length;
    onChange(`${value.slice(0, at)}#{${code}}${value.slice(at)}`);
  };
  return (
    <label className="wide">{label}
      <textarea ref={ref} rows={2} className="mono" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      <select aria-label={`${label}: ${t('meta.insertElement')}`} value="" onChange={(e) => insert(e.target.value)}>
        <option value="">{t('meta.insertElement')}</option>
        {elements.flatMap((el) => [
          <option key={el.code} value={el.code}>{el.code} — {i18n.language === 'vi' ? el.nameVi : el.nameEn}</option>,
          ...el.disaggregations.filter((d) => d.code !== 'default').map((d) => (
            <option key={`${el.code}.${d.code}`} value={`${el.code}.${d.code}`}>{'  '}{el.code}.{d.code} — {i18n.language === 'vi' ? d.nameVi : d.nameEn}</option>
          )),
        ])}
      </select>
    </label>
  );
}

function Targets({ code, provinceId }: { code: string; provinceId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: ['indicator-full', code, provinceId], queryFn: () => api<IndicatorFull>(`/api/indicators/${code}?orgUnitId=${provinceId}`) });
  const [rows, setRows] = useState<Target[]>([]);
  useEffect(() => setRows(saved.data?.targets ?? []), [saved.data]);
  const save = useMutation({
    mutationFn: () => api(`/api/indicators/${code}/targets`, { method: 'PUT', body: { orgUnitId: provinceId, targets: rows.map((r) => ({ year: r.year, kind: r.kind, value: r.value, ...(r.source ? { source: r.source } : {}) })) } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['indicator-full', code] }),
  });
  const edit = (i: number, change: Partial<Target>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <section className="card" aria-label={t('meta.targets')}>
      <h3>{t('meta.targets')}</h3>
      <table>
        <thead><tr><th>{t('meta.kind')}</th><th>{t('score.year')}</th><th>{t('score.value')}</th><th>{t('score.source')}</th><th /></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td><select aria-label={t('meta.kind')} value={r.kind} onChange={(e) => edit(i, { kind: e.target.value as Target['kind'] })}>
                <option value="baseline">{t('meta.baseline')}</option><option value="target">{t('score.target')}</option>
              </select></td>
              <td><input aria-label={t('score.year')} type="number" min={2000} max={2100} value={r.year} onChange={(e) => edit(i, { year: Number(e.target.value) })} style={{ width: '6rem' }} /></td>
              <td><input aria-label={t('score.value')} type="number" step="any" value={r.value} onChange={(e) => edit(i, { value: Number(e.target.value) })} style={{ width: '7rem' }} /></td>
              <td><input aria-label={t('score.source')} value={r.source ?? ''} onChange={(e) => edit(i, { source: e.target.value || null })} /></td>
              <td><button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('fbs.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row wrap">
        <button type="button" onClick={() => setRows([...rows, { year: 2030, kind: 'target', value: 0, source: null }])}>{t('meta.addTarget')}</button>
        <button type="button" className="primary" onClick={() => save.mutate()}>{t('meta.saveTargets')}</button>
        {save.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
      </div>
      <ErrorText error={save.error ?? saved.error} />
    </section>
  );
}

const emptyIndicator = { code: '', nameVi: '', nameEn: '', numerator: '', denominator: '', factor: 1, pillar: 'government', direction: 'higher', framework: 'NQ07', unitLabel: '', source: '', decimals: 1 };

function IndicatorEditor({ code, elements, provinceId, onSaved }: { code: string | null; elements: Element[]; provinceId: number | undefined; onSaved(code: string): void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const existing = useQuery({
    queryKey: ['indicator-full', code, provinceId], enabled: !!code && !!provinceId,
    queryFn: () => api<IndicatorFull>(`/api/indicators/${code}?orgUnitId=${provinceId}`),
  });
  const [form, setForm] = useState(emptyIndicator);
  useEffect(() => {
    const d = existing.data;
    setForm(d ? { code: d.code, nameVi: d.nameVi, nameEn: d.nameEn, numerator: d.numerator, denominator: d.denominator === '1' ? '' : d.denominator, factor: d.factor, pillar: d.pillar,
      direction: d.direction, framework: d.framework, unitLabel: d.unitLabel ?? '', source: d.source ?? '', decimals: d.decimals } : emptyIndicator);
  }, [existing.data, code]);
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  // The formulas are checked by the server as they are typed (after a pause), with the same rules saving applies.
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  useEffect(() => {
    if (!form.numerator.trim()) return setVerdict(null);
    const timer = setTimeout(() => {
      api<Verdict>('/api/indicators/check', { method: 'POST', body: { numerator: form.numerator, denominator: form.denominator } }).then(setVerdict, () => setVerdict(null));
    }, 350);
    return () => clearTimeout(timer);
  }, [form.numerator, form.denominator]);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        nameVi: form.nameVi, nameEn: form.nameEn, numerator: form.numerator, denominator: form.denominator.trim() || '1', factor: Number(form.factor),
        pillar: form.pillar, direction: form.direction, framework: form.framework, decimals: Number(form.decimals),
        ...(form.unitLabel ? { unitLabel: form.unitLabel } : {}), ...(form.source ? { source: form.source } : {}),
      };
      return code ? api(`/api/indicators/${code}`, { method: 'PATCH', body }) : api('/api/indicators', { method: 'POST', body: { ...body, code: form.code } });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['indicators'] });
      void client.invalidateQueries({ queryKey: ['indicator-full'] });
      onSaved(code ?? form.code);
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const faultIn = (field: 'numerator' | 'denominator') => (verdict && !verdict.valid && verdict.field === field ? verdict : null);
  return (
    <>
      <form className="card form-grid" onSubmit={submit} aria-label={code ? t('meta.editIndicator', { code }) : t('meta.newIndicator')}>
        <h2 className="wide">{code ? t('meta.editIndicator', { code }) : t('meta.newIndicator')}</h2>
        {!code && <label>{t('meta.code')}<input value={form.code} onChange={(e) => set({ code: e.target.value.toUpperCase() })} required pattern="[A-Z0-9_]{2,60}" /></label>}
        <label>{t('meta.nameVi')}<input value={form.nameVi} onChange={(e) => set({ nameVi: e.target.value })} required /></label>
        <label>{t('meta.nameEn')}<input value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} required /></label>
        <label>{t('meta.framework')}<select value={form.framework} onChange={(e) => set({ framework: e.target.value })}>
          {['NQ07', 'DTI'].map((f) => <option key={f} value={f}>{t(`meta.frameworks.${f}`)}</option>)}
        </select></label>
        <label>{t('meta.pillar')}<select value={form.pillar} onChange={(e) => set({ pillar: e.target.value })}>
          {PILLARS.map((p) => <option key={p} value={p}>{t(`score.pillars.${p}`)}</option>)}
        </select></label>
        <label>{t('meta.direction')}<select value={form.direction} onChange={(e) => set({ direction: e.target.value })}>
          <option value="higher">{t('meta.higher')}</option><option value="lower">{t('meta.lower')}</option>
        </select></label>
        <FormulaInput label={t('meta.numerator')} value={form.numerator} onChange={(numerator) => set({ numerator })} elements={elements} />
        {faultIn('numerator') && <FaultMark source={form.numerator} position={faultIn('numerator')!.position} />}
        <FormulaInput label={t('meta.denominator')} value={form.denominator} onChange={(denominator) => set({ denominator })} elements={elements} />
        {faultIn('denominator') && <FaultMark source={form.denominator} position={faultIn('denominator')!.position} />}
        <p className={`wide ${verdict === null ? '' : verdict.valid ? 'ok' : 'error'}`} role="status" aria-live="polite" data-testid="formula-verdict">
          {verdict === null ? '' : verdict.valid ? t('meta.formulaOk') : verdict.messages[i18n.language] ?? verdict.messages.vi}
        </p>
        <label>{t('meta.factor')}<input type="number" step="any" min={0} value={form.factor} onChange={(e) => set({ factor: Number(e.target.value) })} /></label>
        <label>{t('meta.decimals')}<input type="number" min={0} max={6} value={form.decimals} onChange={(e) => set({ decimals: Number(e.target.value) })} /></label>
        <label>{t('meta.unitLabel')}<input value={form.unitLabel} onChange={(e) => set({ unitLabel: e.target.value })} /></label>
        <label className="wide">{t('score.source')}<input value={form.source} onChange={(e) => set({ source: e.target.value })} /></label>
        <SaveRow result={save} error={existing.error} disabled={verdict?.valid === false} />
      </form>
      {code && provinceId && <Targets code={code} provinceId={provinceId} />}
    </>
  );
}

function Indicators({ elements, provinceId }: { elements: Element[]; provinceId: number | undefined }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const indicators = useQuery({ queryKey: ['indicators'], queryFn: () => api<IndicatorRow[]>('/api/indicators') });
  const selected = params.get('indicator');
  const creating = params.get('new') === '1';
  const [filter, setFilter] = useState('');
  const shown = (indicators.data ?? []).filter((i) => !filter || `${i.code} ${i.nameVi} ${i.nameEn}`.toLowerCase().includes(filter.toLowerCase()));
  const open = (code: string | null) => setParams(code ? { tab: 'indicators', indicator: code } : { tab: 'indicators', new: '1' });
  return (
    <div className="split">
      <section className="card">
        <div className="row wrap">
          <input type="search" aria-label={t('meta.search')} placeholder={t('meta.search')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button className="primary" onClick={() => open(null)}>{t('meta.newIndicator')}</button>
        </div>
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('meta.name')}</th><th>{t('meta.pillar')}</th></tr></thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.code} className={i.code === selected ? 'selected-row' : ''}>
                  <td>
                    <button className="link" onClick={() => open(i.code)}>{i18n.language === 'vi' ? i.nameVi : i.nameEn}</button><br />
                    <small className="muted mono">{i.code} · {i.framework}</small>
                  </td>
                  <td>{t(`score.pillars.${i.pillar}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ErrorText error={indicators.error} />
      </section>
      <div>
        {(selected || creating)
          ? <IndicatorEditor key={selected ?? 'new'} code={selected} elements={elements} provinceId={provinceId} onSaved={(code) => open(code)} />
          : <p className="muted card">{t('meta.pickIndicator')}</p>}
      </div>
    </div>
  );
}

/** A stored value that does not fit an element's new value type. */
interface Misfit { orgUnit: string; period: string; value: string; vi: string; en: string }

const emptyElement = { code: '', nameVi: '', nameEn: '', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', unit: '', periodTypes: ['year'] as string[], categoryCombo: 'default', source: '' };

function Elements({ elements, combos }: { elements: Element[]; combos: Combo[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(emptyElement);
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  const pick = (el: Element | null) => {
    setEditing(el?.code ?? null);
    setForm(el ? { code: el.code, nameVi: el.nameVi, nameEn: el.nameEn, valueType: el.valueType, aggUnits: el.aggUnits, aggTime: el.aggTime, unit: el.unit ?? '', periodTypes: el.periodTypes, categoryCombo: el.categoryCombo, source: '' } : emptyElement);
  };
  const save = useMutation({
    mutationFn: () => editing
      ? api(`/api/data-elements/${editing}`, { method: 'PATCH', body: {
        nameVi: form.nameVi, nameEn: form.nameEn, unit: form.unit, periodTypes: form.periodTypes, valueType: form.valueType, aggUnits: form.aggUnits, aggTime: form.aggTime,
        ...(form.source ? { source: form.source } : {}),
      } })
      : api('/api/data-elements', { method: 'POST', body: { ...form, unit: form.unit || undefined, source: form.source || undefined } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['data-elements'] }),
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <div className="split">
      <section className="card">
        <button className="primary" onClick={() => pick(null)}>{t('meta.newElement')}</button>
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('meta.name')}</th><th>{t('meta.valueType')}</th><th>{t('meta.aggregation')}</th><th>{t('meta.disaggregation')}</th></tr></thead>
            <tbody>
              {elements.map((el) => (
                <tr key={el.code} className={el.code === editing ? 'selected-row' : ''}>
                  <td>
                    <button className="link" onClick={() => pick(el)}>{i18n.language === 'vi' ? el.nameVi : el.nameEn}</button>{el.unit ? <small className="muted"> ({el.unit})</small> : null}<br />
                    <small className="muted mono">{el.code}</small>
                  </td>
                  <td>{t(`meta.valueTypes.${el.valueType}`)}</td>
                  <td><small>{t(`meta.aggregations.${el.aggUnits}`)} / {t(`meta.aggregations.${el.aggTime}`)}</small></td>
                  <td><small>{el.categoryCombo === 'default' ? '—' : `${el.categoryCombo} (${el.disaggregations.length})`}</small></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <form className="card form-grid" onSubmit={submit} aria-label={editing ? t('meta.editElement', { code: editing }) : t('meta.newElement')}>
        <h2 className="wide">{editing ? t('meta.editElement', { code: editing }) : t('meta.newElement')}</h2>
        {!editing && <label>{t('meta.code')}<input value={form.code} onChange={(e) => set({ code: e.target.value.toUpperCase() })} required pattern="[A-Z0-9_]{2,60}" /></label>}
        <label>{t('meta.nameVi')}<input value={form.nameVi} onChange={(e) => set({ nameVi: e.target.value })} required /></label>
        <label>{t('meta.nameEn')}<input value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} required /></label>
        <label>{t('meta.valueType')}<select value={form.valueType} onChange={(e) => set({ valueType: e.target.value, ...(e.target.value === 'text' ? { aggUnits: 'none', aggTime: 'none' } : {}) })}>
          {VALUE_TYPES.map((v) => <option key={v} value={v}>{t(`meta.valueTypes.${v}`)}</option>)}
        </select></label>
        <label>{t('meta.aggUnits')}<select value={form.aggUnits} onChange={(e) => set({ aggUnits: e.target.value })}>
          {AGGREGATIONS.map((v) => <option key={v} value={v}>{t(`meta.aggregations.${v}`)}</option>)}
        </select></label>
        <label>{t('meta.aggTime')}<select value={form.aggTime} onChange={(e) => set({ aggTime: e.target.value })}>
          {AGGREGATIONS.map((v) => <option key={v} value={v}>{t(`meta.aggregations.${v}`)}</option>)}
        </select></label>
        <label>{t('meta.unit')}<input value={form.unit} onChange={(e) => set({ unit: e.target.value })} /></label>
        <label>{t('meta.disaggregation')}<select value={form.categoryCombo} disabled={!!editing} onChange={(e) => set({ categoryCombo: e.target.value })}>
          {combos.map((c) => <option key={c.code} value={c.code}>{c.code === 'default' ? t('meta.noDisaggregation') : `${i18n.language === 'vi' ? c.nameVi : c.nameEn} (${c.combinations.length})`}</option>)}
        </select></label>
        <fieldset className="wide"><legend>{t('meta.periodTypes')}</legend>
          {PERIOD_TYPES.map((p) => (
            <label key={p} className="inline"><input type="checkbox" checked={form.periodTypes.includes(p)}
              onChange={(e) => set({ periodTypes: e.target.checked ? [...form.periodTypes, p] : form.periodTypes.filter((x) => x !== p) })} /> {t(`meta.periodTypeNames.${p}`)}</label>
          ))}
        </fieldset>
        <label className="wide">{t('score.source')}<input value={form.source} onChange={(e) => set({ source: e.target.value })} /></label>
        {editing && <p className="muted small wide">{t('meta.elementLocked')}</p>}
        <SaveRow result={save} />
        {save.error instanceof ApiError && save.error.code === 'values_misfit' && (
          <ul className="wide small error" data-testid="misfits">
            {(save.error.details as Misfit[]).slice(0, 10).map((m, i) => <li key={i}>{m.orgUnit} · {m.period} · {m.value}: {i18n.language === 'vi' ? m.vi : m.en}</li>)}
          </ul>
        )}
      </form>
    </div>
  );
}

/** Categories typed as lines "CODE | Tên tiếng Việt | English name", the way an officer lists options on paper. */
function Combos({ combos }: { combos: Combo[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({ code: '', nameVi: '', nameEn: '', categories: [{ code: '', nameVi: '', nameEn: '', options: '' }] });
  const editCategory = (i: number, change: Partial<(typeof form.categories)[number]>) => setForm({ ...form, categories: form.categories.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  const save = useMutation({
    mutationFn: () => api('/api/category-combos', {
      method: 'POST',
      body: {
        code: form.code, nameVi: form.nameVi, nameEn: form.nameEn,
        categories: form.categories.map((c) => ({
          code: c.code, nameVi: c.nameVi, nameEn: c.nameEn,
          options: c.options.split('\n').map((line) => line.split('|').map((x) => x.trim())).filter((p) => p[0]).map(([code, vi, en]) => ({ code: code!, nameVi: vi || code!, nameEn: en || vi || code! })),
        })),
      },
    }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['category-combos'] }),
  });
  const combinations = form.categories.reduce((n, c) => n * Math.max(1, c.options.split('\n').filter((l) => l.trim()).length), 1);
  return (
    <div className="split">
      <section className="card">
        <table>
          <thead><tr><th>{t('meta.code')}</th><th>{t('meta.name')}</th><th>{t('meta.categories')}</th><th>{t('meta.combinations')}</th></tr></thead>
          <tbody>
            {combos.filter((c) => c.code !== 'default').map((c) => (
              <tr key={c.code}>
                <td>{c.code}</td><td>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</td>
                <td><small>{c.categories.map((k) => `${i18n.language === 'vi' ? k.nameVi : k.nameEn}: ${k.options.map((o) => o.nameVi).join(', ')}`).join(' × ')}</small></td>
                <td>{c.combinations.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <form className="card form-grid" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={t('meta.newCombo')}>
        <h2 className="wide">{t('meta.newCombo')}</h2>
        <label>{t('meta.code')}<input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} required /></label>
        <label>{t('meta.nameVi')}<input value={form.nameVi} onChange={(e) => setForm({ ...form, nameVi: e.target.value })} required /></label>
        <label>{t('meta.nameEn')}<input value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} required /></label>
        {form.categories.map((c, i) => (
          <fieldset key={i} className="wide"><legend>{t('meta.category')} {i + 1}</legend>
            <label>{t('meta.code')}<input value={c.code} onChange={(e) => editCategory(i, { code: e.target.value.toUpperCase() })} required /></label>
            <label>{t('meta.nameVi')}<input value={c.nameVi} onChange={(e) => editCategory(i, { nameVi: e.target.value })} required /></label>
            <label>{t('meta.nameEn')}<input value={c.nameEn} onChange={(e) => editCategory(i, { nameEn: e.target.value })} required /></label>
            <label className="wide">{t('meta.options')}<textarea rows={4} className="mono" value={c.options} placeholder={'FEMALE | Nữ | Female\nMALE | Nam | Male'} onChange={(e) => editCategory(i, { options: e.target.value })} /></label>
          </fieldset>
        ))}
        <SaveRow result={save}>
          {form.categories.length < 4 && <button type="button" onClick={() => setForm({ ...form, categories: [...form.categories, { code: '', nameVi: '', nameEn: '', options: '' }] })}>{t('meta.addCategory')}</button>}
          <span className="muted">{t('meta.willCreate', { count: combinations })}</span>
        </SaveRow>
      </form>
    </div>
  );
}

/** The province's catalogue of figures: indicators with their formulas and targets, data elements, disaggregations. */
export function MetadataPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'indicators';
  const elements = useQuery({ queryKey: ['data-elements'], queryFn: () => api<Element[]>('/api/data-elements') });
  const combos = useQuery({ queryKey: ['category-combos'], queryFn: () => api<Combo[]>('/api/category-combos') });
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => api<Unit[]>('/api/org-units?level=province') });
  const provinceId = useMemo(() => provinces.data?.[0]?.id, [provinces.data]);
  return (
    <section>
      <h1>{t('meta.title')}</h1>
      <div className="tabs" role="tablist">
        {(['indicators', 'elements', 'combos'] as const).map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setParams({ tab: k })}>{t(`meta.tabs.${k}`)}</button>
        ))}
      </div>
      {tab === 'indicators' && <Indicators elements={elements.data ?? []} provinceId={provinceId} />}
      {tab === 'elements' && <Elements elements={elements.data ?? []} combos={combos.data ?? []} />}
      {tab === 'combos' && <Combos combos={combos.data ?? []} />}
      <ErrorText error={elements.error ?? combos.error} />
    </section>
  );
}
