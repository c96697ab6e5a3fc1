import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../api/alerts';
import { ApiError } from '../../api/client';
import { PERIOD_TYPES, UNIT_LEVELS, deleteRule, panelKeys, rulesQuery, saveRule, type Rule, type RuleInput } from '../../api/ioc-panels';
import { ErrorText } from '../../components/Chrome';
import { inLanguage } from './AlertList';

const COMPARATORS: RuleInput['comparator'][] = ['<', '<=', '>', '>='];
const blank = (): RuleInput => ({
  nameVi: '', nameEn: '', targetKind: 'indicator', targetCode: '', unitLevel: 'province', periodType: 'year', comparator: '<', threshold: 0, severity: 'major', active: true,
});
const inputOf = ({ id: _id, createdBy: _by, updatedAt: _at, ...input }: Rule): RuleInput => input;

/** The IOC's threshold rules: an administrator lists, adds, edits and removes them; a refused rule shows why. */
export function IocRulesPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const rules = useQuery(rulesQuery());
  const [form, setForm] = useState<RuleInput>(blank());
  const [editing, setEditing] = useState<number | undefined>();
  const done = () => { setEditing(undefined); setForm(blank()); void client.invalidateQueries({ queryKey: panelKeys.rules() }); };
  const save = useMutation({ mutationFn: () => saveRule(form, editing), onSuccess: done });
  const remove = useMutation({ mutationFn: deleteRule, onSuccess: done });
  const set = <K extends keyof RuleInput>(key: K, value: RuleInput[K]) => setForm({ ...form, [key]: value });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const bad = save.error instanceof ApiError ? save.error.field : undefined;
  return (
    <section>
      <h1>{t('iocRules.title')}</h1>
      {rules.data?.length === 0 ? <p className="muted">{t('iocRules.empty')}</p> : (
        <div className="table-wrap"><table data-testid="rules">
          <thead><tr><th>{t('iocRules.name')}</th><th>{t('iocFields.target')}</th><th>{t('iocRules.condition')}</th><th>{t('iocRules.severity')}</th><th /></tr></thead>
          <tbody>{rules.data?.map((r) => (
            <tr key={r.id}>
              <td>{inLanguage({ vi: r.nameVi, en: r.nameEn }, i18n.language)}{r.active ? '' : ` (${t('iocRules.off')})`}</td><td>{r.targetCode}</td>
              <td>{t(`levels.${r.unitLevel}`)}, {t(`iocFields.periods.${r.periodType}`)}: {r.comparator} {r.threshold.toLocaleString(i18n.language)}</td>
              <td>{t(`ioc.severity.${r.severity}`)}</td>
              <td className="row"><button type="button" onClick={() => { setEditing(r.id); setForm(inputOf(r)); }}>{t('iocFields.edit')}</button>
                <button type="button" onClick={() => remove.mutate(r.id)}>{t('iocFields.remove')}</button></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      <form className="card form-grid" onSubmit={submit} aria-label={t('iocRules.form')}>
        <h2>{editing ? t('iocRules.editRule') : t('iocRules.addRule')}</h2>
        <label>{t('iocRules.nameVi')}<input name="nameVi" value={form.nameVi} onChange={(e) => set('nameVi', e.target.value)} required /></label>
        <label>{t('iocRules.nameEn')}<input name="nameEn" value={form.nameEn} onChange={(e) => set('nameEn', e.target.value)} required /></label>
        <label>{t('iocFields.targetKind')}<select name="targetKind" value={form.targetKind} onChange={(e) => set('targetKind', e.target.value as RuleInput['targetKind'])}>
          <option value="indicator">{t('iocFields.indicator')}</option><option value="element">{t('iocFields.element')}</option></select></label>
        <label>{t('iocFields.target')}<input name="targetCode" value={form.targetCode} onChange={(e) => set('targetCode', e.target.value)} aria-invalid={bad === 'targetCode'} required /></label>
        <label>{t('iocFields.unitLevel')}<select name="unitLevel" value={form.unitLevel} onChange={(e) => set('unitLevel', e.target.value as RuleInput['unitLevel'])}>
          {UNIT_LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}</select></label>
        <label>{t('iocFields.periodType')}<select name="periodType" value={form.periodType} onChange={(e) => set('periodType', e.target.value as RuleInput['periodType'])}>
          {PERIOD_TYPES.map((p) => <option key={p} value={p}>{t(`iocFields.periods.${p}`)}</option>)}</select></label>
        <label>{t('iocRules.comparator')}<select name="comparator" value={form.comparator} onChange={(e) => set('comparator', e.target.value as RuleInput['comparator'])}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{c}</option>)}</select></label>
        <label>{t('iocRules.threshold')}<input name="threshold" type="number" step="any" value={form.threshold} onChange={(e) => set('threshold', Number(e.target.value))} /></label>
        <label>{t('iocRules.severity')}<select name="severity" value={form.severity} onChange={(e) => set('severity', e.target.value as RuleInput['severity'])}>
          {SEVERITIES.map((s) => <option key={s} value={s}>{t(`ioc.severity.${s}`)}</option>)}</select></label>
        <label className="inline"><input name="active" type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} /> {t('iocRules.active')}</label>
        <div className="row">
          <button className="primary" type="submit">{t('iocFields.save')}</button>
          {editing && <button type="button" onClick={() => { setEditing(undefined); setForm(blank()); }}>{t('iocFields.cancel')}</button>}
        </div>
        <ErrorText error={save.error ?? remove.error} />
      </form>
    </section>
  );
}
