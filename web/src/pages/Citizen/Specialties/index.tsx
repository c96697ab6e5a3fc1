import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DemoBanner, LanguageSwitch } from '../../../components/Chrome';
import { Catalogue } from './Catalogue';
import { Product } from './Product';
import './specialties.css';

export const HOME = '/cong-dan/dac-san';

/** The province's specialties and OCOP products, in the citizen app: the catalogue, and one product with its lots. */
export function CitizenSpecialtiesPage({ view }: { view: 'list' | 'product' }) {
  const { t } = useTranslation();
  return (
    <div className="citizen specialties">
      <DemoBanner />
      <header className="topbar"><h1 className="brand">{t('spec.title')}</h1><span className="spacer" /><LanguageSwitch /></header>
      <nav className="tabs links">
        <Link className="button" to="/cong-dan">{t('spec.toCitizen')}</Link>
        {view !== 'list' && <Link className="button" to={HOME}>{t('spec.all')}</Link>}
      </nav>
      <main>
        {view === 'list' ? <Catalogue /> : <Product />}
      </main>
    </div>
  );
}
