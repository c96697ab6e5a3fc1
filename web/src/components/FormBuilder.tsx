import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dataElementsQuery, type DataElement as Element } from '../api/data-elements';
import type { FormDefinition, FormItem, FormRule, FormSection } from '../api/reporting';

export type BuilderItem = FormItem;
export type BuilderSection = FormSection;
export type BuilderRule = FormRule;
export type BuilderForm = FormDefinition;

const OPS: BuilderRule['op'][] = ['<=', '<', '=', '>=', '>'];
const num = (v: string) => (v === '' ? undefined : Number(v));

/**
 * Builds a regime's form the way an officer thinks of it: sections of items (an element, or one of its
 * disaggregations) with their checks, outline sections, and rules between items. The server checks the result.
 */
export function FormBuilder({ form, frequency, onChange }: { form: BuilderForm; frequency: string; onChange(form: BuilderForm): void }) {
  const { t, i18n } = useTranslation();
  const elements = useQuery(dataElementsQuery());
  const usable = (elements.data ?? []).filter((e) => e.periodTypes.includes(frequency));
  const name = (e: Element) => `${e.code} — ${i18n.language === 'vi' ? e.nameVi : e.nameEn}`;
  const setSection = (i: number, section: BuilderSection) => onChange({ ...form, sections: form.sections.map((s, j) => (j === i ? section : s)) });
  const setRule = (i: number, rule: BuilderRule) => onChange({ ...form, rules: form.rules.map((r, j) => (j === i ? rule : r)) });
  const itemKeys = form.sections.flatMap((s) => (s.kind === 'data' ? s.items.map((i) => (i.coc ? `${i.element}.${i.coc}` : i.element)) : []));
  return (
    <div data-testid="form-builder">
      {form.sections.map((s, si) => (
        <fieldset key={si} className="card">
          <legend>{s.kind === 'data' ? t('fb2.dataSection') : t('fb2.narrativeSection')} {s.code}</legend>
          <div className="row wrap">
            <input aria-label={t('fb2.titleVi')} value={s.titleVi} onChange={(e) => setSection(si, { ...s, titleVi: e.target.value })} />
            <input aria-label={t('fb2.titleEn')} value={s.titleEn} onChange={(e) => setSection(si, { ...s, titleEn: e.target.value })} />
            <button className="link" onClick={() => onChange({ ...form, sections: form.sections.filter((_, j) => j !== si) })}>{t('fb2.removeSection')}</button>
          </div>
          {s.kind === 'data' ? (
            <div className="table-wrap">
              <table>
                <thead><tr><th>{t('fb2.element')}</th><th>{t('fb2.disaggregation')}</th><th>{t('fb2.required')}</th><th>{t('fb2.min')}</th><th>{t('fb2.max')}</th><th /></tr></thead>
                <tbody>
                  {s.items.map((item, ii) => {
                    const element = usable.find((e) => e.code === item.element);
                    const setItem = (next: BuilderItem) => setSection(si, { ...s, items: s.items.map((x, j) => (j === ii ? next : x)) });
                    return (
                      <tr key={ii}>
                        <td><select aria-label={t('fb2.element')} value={item.element} onChange={(e) => setItem({ ...item, element: e.target.value, coc: undefined })}>
                          {!element && <option value={item.element}>{item.element}</option>}
                          {usable.map((e) => <option key={e.code} value={e.code}>{name(e)}</option>)}
                        </select></td>
                        <td>{element && element.categoryCombo !== 'default' ? (
                          <select aria-label={t('fb2.disaggregation')} value={item.coc ?? ''} onChange={(e) => setItem({ ...item, coc: e.target.value || undefined })}>
                            <option value="">—</option>
                            {element.disaggregations.map((d) => <option key={d.code} value={d.code}>{i18n.language === 'vi' ? d.nameVi : d.nameEn}</option>)}
                          </select>) : ''}</td>
                        <td><input type="checkbox" aria-label={t('fb2.required')} checked={item.required} onChange={(e) => setItem({ ...item, required: e.target.checked })} /></td>
                        <td><input type="number" aria-label={t('fb2.min')} style={{ width: '6rem' }} value={item.min ?? ''} onChange={(e) => setItem({ ...item, min: num(e.target.value) })} /></td>
                        <td><input type="number" aria-label={t('fb2.max')} style={{ width: '6rem' }} value={item.max ?? ''} onChange={(e) => setItem({ ...item, max: num(e.target.value) })} /></td>
                        <td><button className="link" onClick={() => setSection(si, { ...s, items: s.items.filter((_, j) => j !== ii) })}>{t('fb2.remove')}</button></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : (
            <>
              <label>{t('fb2.outline')}<textarea rows={3} value={s.outline.join('\n')} onChange={(e) => setSection(si, { ...s, outline: e.target.value.split('\n').filter((l) => l.trim()) })} /></label>
              <label>{t('fb2.outlineEn')}<textarea rows={3} value={(s.outlineEn ?? []).join('\n')} onChange={(e) => setSection(si, { ...s, outlineEn: e.target.value.split('\n').filter((l) => l.trim()) })} /></label>
            </>
          )}
          {s.kind === 'data' && usable[0] && <button onClick={() => setSection(si, { ...s, items: [...s.items, { element: usable[0]!.code, required: false }] })}>{t('fb2.addItem')}</button>}
        </fieldset>
      ))}
      <div className="row wrap">
        <button onClick={() => onChange({ ...form, sections: [...form.sections, { code: `S${form.sections.length + 1}`, kind: 'data', titleVi: 'Phần mới', titleEn: 'New section', items: [] }] })}>{t('fb2.addDataSection')}</button>
        <button onClick={() => onChange({ ...form, sections: [...form.sections, { code: `N${form.sections.length + 1}`, kind: 'narrative', titleVi: 'Thuyết minh', titleEn: 'Narrative', outline: [], outlineEn: [] }] })}>{t('fb2.addNarrative')}</button>
      </div>
      <h3>{t('fb2.rules')}</h3>
      {form.rules.map((r, ri) => (
        <div key={ri} className="row wrap">
          <select aria-label={t('fb2.left')} value={r.left} onChange={(e) => setRule(ri, { ...r, left: e.target.value })}>{[r.left, ...itemKeys.filter((k) => k !== r.left)].map((k) => <option key={k}>{k}</option>)}</select>
          <select aria-label={t('fb2.op')} value={r.op} onChange={(e) => setRule(ri, { ...r, op: e.target.value as BuilderRule['op'] })}>{OPS.map((o) => <option key={o}>{o}</option>)}</select>
          <select aria-label={t('fb2.right')} value={r.right} onChange={(e) => setRule(ri, { ...r, right: e.target.value })}>{[r.right, ...itemKeys.filter((k) => k !== r.right)].map((k) => <option key={k}>{k}</option>)}</select>
          <select aria-label={t('fb2.severity')} value={r.severity} onChange={(e) => setRule(ri, { ...r, severity: e.target.value as BuilderRule['severity'] })}><option value="error">{t('fb2.error')}</option><option value="warning">{t('fb2.warning')}</option></select>
          <input aria-label={t('fb2.messageVi')} value={r.messageVi} onChange={(e) => setRule(ri, { ...r, messageVi: e.target.value, messageEn: r.messageEn || e.target.value })} />
          <button className="link" onClick={() => onChange({ ...form, rules: form.rules.filter((_, j) => j !== ri) })}>{t('fb2.remove')}</button>
        </div>
      ))}
      {itemKeys.length >= 2 && <button onClick={() => onChange({ ...form, rules: [...form.rules, { code: `R${form.rules.length + 1}`, left: itemKeys[0]!, op: '<=', right: itemKeys[1]!, severity: 'error', messageVi: '', messageEn: '' }] })}>{t('fb2.addRule')}</button>}
    </div>
  );
}
