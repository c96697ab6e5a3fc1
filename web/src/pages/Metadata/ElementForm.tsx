import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Combo } from '../../api/category-combos';
import { ApiError } from '../../api/client';
import type { Misfit } from '../../api/data-elements';
import { AGGREGATIONS, PERIOD_TYPES, VALUE_TYPES } from './options';
import { SaveRow } from './SaveRow';

export const emptyElement = { code: '', nameVi: '', nameEn: '', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', unit: '', periodTypes: ['year'] as string[], categoryCombo: 'default', source: '' };
export type ElementDraft = typeof emptyElement;

/**
 * A new element, or one being edited (its code and disaggregation then stay). A new value type the stored values do
 * not fit is refused with the first of them listed.
 */
export function ElementForm({ form, set, editing, combos, save, submit }: {
  form: ElementDraft; set(change: Partial<ElementDraft>): void; editing: string | null; combos: Combo[];
  save: { isSuccess: boolean; error: unknown }; submit(e: FormEvent): void;
}) {
  const { t, i18n } = useTranslation();
  return (
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
  );
}
