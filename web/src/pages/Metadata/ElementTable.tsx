import { useTranslation } from 'react-i18next';
import type { DataElement as Element } from '../../api/data-elements';

/** The catalogue's elements with their type, aggregation and disaggregation; a name opens it in the form. */
export function ElementTable({ elements, editing, pick }: { elements: Element[]; editing: string | null; pick(el: Element | null): void }) {
  const { t, i18n } = useTranslation();
  return (
  <section className="card">
    <button className="primary" onClick={() => pick(null)}>{t('meta.newElement')}</button>
    <div className="table-wrap">
      <table>
        <thead><tr><th>{t('meta.name')}</th><th>{t('meta.valueType')}</th><th>{t('meta.aggregation')}</th><th>{t('meta.disaggregation')}</th></tr></thead>
        <tbody>
          {elements.map((el) => (
            <tr key={el.code} className={el.code === editing ? 'selected-row' : ''}>
              <td>
                <button className="link" onClick={() => pick(el)}>{i18n.language === 'vi' ? el.nameVi : el.nameEn}</button>{el.unit ? <small className="muted"> ({i18n.language === 'vi' ? el.unit : el.unitEn})</small> : null}<br />
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
  );
}
