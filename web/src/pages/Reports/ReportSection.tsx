import { useTranslation } from 'react-i18next';
import type { Finding, FormSection, ReportView } from '../../api/reporting';
import { keyOf, totalsOf } from './totals';

/** One section of the form: its figures with their checks and totals, or its narrative text. */
export function ReportSection({ r, s, values, narrative, edit, byField, editable }: {
  r: ReportView; s: FormSection; values: Record<string, number | null>; narrative: Record<string, string>;
  edit(values: Record<string, number | null>, narrative: Record<string, string>): void; byField: Map<string, Finding[]>; editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'vi';
  const message = (f: Finding) => (lang ? f.vi : f.en);
  // A form saved before its outline had English keeps its Vietnamese headings.
  const outline = s.kind === 'narrative' ? (lang || !s.outlineEn?.length ? s.outline : s.outlineEn) : [];
  return (
    <fieldset className="card">
      <legend>{lang ? s.titleVi : s.titleEn}</legend>
      {s.kind === 'data' ? (
        <table>
          <tbody>
            {s.items.map((item) => {
              const key = keyOf(item);
              const e = r.elements[item.element];
              const problems = byField.get(key) ?? [];
              return (
                <tr key={key}>
                  <td><label htmlFor={`v-${key}`}>{e ? (lang ? e.nameVi : e.nameEn) : item.element}{item.coc && r.cocs[item.coc] ? ` — ${lang ? r.cocs[item.coc]!.nameVi : r.cocs[item.coc]!.nameEn}` : ''}{item.required && ' *'}</label> <small className="muted">{lang ? e?.unit : e?.unitEn}</small></td>
                  <td>
                    <input id={`v-${key}`} type="number" inputMode="decimal" disabled={!editable} value={values[key] ?? ''} aria-invalid={problems.some((p) => p.severity === 'error')}
                      onChange={(ev) => edit({ ...values, [key]: ev.target.value === '' ? null : Number(ev.target.value) }, narrative)} />
                    {problems.map((p, i) => <div key={i} className={p.severity === 'error' ? 'loss small' : 'warn small'}>{message(p)}</div>)}
                  </td>
                </tr>
              );
            })}
            {totalsOf(s.items, values).map(([element, total]) => (
              <tr key={`total-${element}`} className="total"><td>{t('rep.total')}: {r.elements[element] ? (lang ? r.elements[element]!.nameVi : r.elements[element]!.nameEn) : element}</td><td>{total.toLocaleString(lang ? 'vi-VN' : 'en-GB')}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          {outline.length > 0 && <p className="muted small">{t('rep.outline')}: {outline.join(' · ')}</p>}
          <textarea aria-label={lang ? s.titleVi : s.titleEn} rows={6} disabled={!editable} value={narrative[s.code] ?? ''} onChange={(ev) => edit(values, { ...narrative, [s.code]: ev.target.value })} />
          {(byField.get(s.code) ?? []).map((p, i) => <div key={i} className="loss small">{message(p)}</div>)}
        </>
      )}
    </fieldset>
  );
}
