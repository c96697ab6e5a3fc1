import { useTranslation } from 'react-i18next';
import type { Combo } from '../../api/category-combos';

/** The disaggregations there are, each with its categories and options and how many combinations they make. */
export function ComboTable({ combos }: { combos: Combo[] }) {
  const { t, i18n } = useTranslation();
  return (
  <section className="card">
    <div className="table-wrap">
      <table>
        <thead><tr><th>{t('meta.code')}</th><th>{t('meta.name')}</th><th>{t('meta.categories')}</th><th>{t('meta.combinations')}</th></tr></thead>
        <tbody>
          {combos.filter((c) => c.code !== 'default').map((c) => (
            <tr key={c.code}>
              <td>{c.code}</td><td>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</td>
              <td><small>{c.categories.map((k) => `${i18n.language === 'vi' ? k.nameVi : k.nameEn}: ${k.options.map((o) => (i18n.language === 'vi' ? o.nameVi : o.nameEn)).join(', ')}`).join(' × ')}</small></td>
              <td>{c.combinations.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
  );
}
