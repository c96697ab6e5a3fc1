import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  PANEL_KINDS, PERIOD_TYPES, UNIT_LEVELS, deletePanel, fieldsQuery, panelKeys, savePanel, type Panel, type PanelInput,
} from '../../api/ioc-panels';
import { ErrorText } from '../../components/Chrome';
import { inLanguage } from './AlertList';
import { FieldPanels } from './panels/FieldPanels';

const blank = (fieldCode: string): PanelInput => ({
  fieldCode, kind: 'number', targetKind: 'indicator', targetCode: '', unitLevel: 'province', periodType: 'year', options: {}, position: 100, titleVi: '', titleEn: '',
});

/** The fields of the operations centre and their panels: an administrator adds, edits and removes them here. */
export function IocFieldsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const fields = useQuery(fieldsQuery());
  const [code, setCode] = useState('DIGITAL');
  const [form, setForm] = useState<PanelInput>(blank('DIGITAL'));
  const [editing, setEditing] = useState<number | undefined>();
  const done = () => { setEditing(undefined); setForm(blank(code)); void client.invalidateQueries({ queryKey: panelKeys.all }); };
  const save = useMutation({ mutationFn: () => savePanel(form, editing), onSuccess: done });
  const remove = useMutation({ mutationFn: deletePanel, onSuccess: done });
  const field = fields.data?.find((f) => f.code === code);
  const set = <K extends keyof PanelInput>(key: K, value: PanelInput[K]) => setForm({ ...form, [key]: value });
  const edit = (p: Panel) => {
    setEditing(p.id);
    setForm({ fieldCode: p.fieldCode, kind: p.kind, targetKind: p.targetKind, targetCode: p.targetCode, unitLevel: p.unitLevel, periodType: p.periodType, options: p.options, position: p.position, titleVi: p.titleVi, titleEn: p.titleEn });
  };
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const bad = save.error instanceof ApiError ? save.error.field : undefined;
  return (
    <section className="ioc">
      <h1>{t('iocFields.title')}</h1>
      <label>{t('iocFields.field')}
        <select value={code} onChange={(e) => { setCode(e.target.value); setEditing(undefined); setForm(blank(e.target.value)); }} data-testid="field-select">
          {fields.data?.map((f) => <option key={f.code} value={f.code}>{inLanguage({ vi: f.nameVi, en: f.nameEn }, i18n.language)}</option>)}
        </select>
      </label>
      {field && (
        <div className="table-wrap"><table>
          <thead><tr><th>{t('iocFields.position')}</th><th>{t('iocFields.titleLabel')}</th><th>{t('iocFields.kind')}</th><th>{t('iocFields.target')}</th><th /></tr></thead>
          <tbody>{field.panels.map((p) => (
            <tr key={p.id}>
              <td>{p.position}</td><td>{inLanguage({ vi: p.titleVi, en: p.titleEn }, i18n.language)}</td><td>{t(`iocFields.kinds.${p.kind}`)}</td><td>{p.targetCode}</td>
              <td className="row"><button type="button" onClick={() => edit(p)}>{t('iocFields.edit')}</button>
                <button type="button" onClick={() => remove.mutate(p.id)}>{t('iocFields.remove')}</button></td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      <form className="card form-grid" onSubmit={submit} aria-label={t('iocFields.form')}>
        <h2>{editing ? t('iocFields.editPanel') : t('iocFields.addPanel')}</h2>
        <label>{t('iocFields.kind')}<select name="kind" value={form.kind} onChange={(e) => set('kind', e.target.value as PanelInput['kind'])}>
          {PANEL_KINDS.map((k) => <option key={k} value={k}>{t(`iocFields.kinds.${k}`)}</option>)}</select></label>
        <label>{t('iocFields.targetKind')}<select name="targetKind" value={form.targetKind} onChange={(e) => set('targetKind', e.target.value as PanelInput['targetKind'])}>
          <option value="indicator">{t('iocFields.indicator')}</option><option value="element">{t('iocFields.element')}</option></select></label>
        <label>{t('iocFields.target')}<input name="targetCode" value={form.targetCode} onChange={(e) => set('targetCode', e.target.value)} aria-invalid={bad === 'targetCode'} required /></label>
        <label>{t('iocFields.unitLevel')}<select name="unitLevel" value={form.unitLevel} onChange={(e) => set('unitLevel', e.target.value as PanelInput['unitLevel'])}>
          {UNIT_LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}</select></label>
        <label>{t('iocFields.periodType')}<select name="periodType" value={form.periodType} onChange={(e) => set('periodType', e.target.value as PanelInput['periodType'])}>
          {PERIOD_TYPES.map((p) => <option key={p} value={p}>{t(`iocFields.periods.${p}`)}</option>)}</select></label>
        <label>{t('iocFields.position')}<input name="position" type="number" value={form.position} onChange={(e) => set('position', Number(e.target.value))} aria-invalid={bad === 'position'} /></label>
        <label>{t('iocFields.titleVi')}<input name="titleVi" value={form.titleVi} onChange={(e) => set('titleVi', e.target.value)} required /></label>
        <label>{t('iocFields.titleEn')}<input name="titleEn" value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} required /></label>
        <div className="row">
          <button className="primary" type="submit">{t('iocFields.save')}</button>
          {editing && <button type="button" onClick={() => { setEditing(undefined); setForm(blank(code)); }}>{t('iocFields.cancel')}</button>}
        </div>
        <ErrorText error={save.error ?? remove.error} />
      </form>
      {field && <FieldPanels field={field} unit={null} />}
    </section>
  );
}
