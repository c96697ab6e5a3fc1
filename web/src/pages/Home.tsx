import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Unit } from '../api';
import { useAuth } from '../auth';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const units = useQuery({ queryKey: ['units', 'today'], queryFn: () => api<Unit[]>('/api/org-units') });
  const count = (level: Unit['level']) => units.data?.filter((u) => u.level === level).length ?? '…';
  return (
    <section>
      <h1>{t('home.welcome', { name: me?.user.displayName })}</h1>
      <p>{t('home.role')}: <strong>{t(`roles.${me?.user.role}`)}</strong> · {t('home.unit')}: <strong>{me?.user.orgUnitName}</strong></p>
      <div className="tiles">
        <Link className="tile" to="/units"><span className="big">{count('province')}</span>{t('levels.province')}</Link>
        <Link className="tile" to="/units"><span className="big">{count('district')}</span>{t('home.districts')}</Link>
        <Link className="tile" to="/units"><span className="big">{count('commune')}</span>{t('home.communes')}</Link>
        <Link className="tile" to="/units"><span className="big">{count('department')}</span>{t('home.departments')}</Link>
      </div>
      <p className="muted">{t('home.unitsToday')}</p>
      <h2>{t('home.next')}</h2>
      <ul className="columns">
        {(['ioc', 'reports', 'agriculture', 'traceability', 'listening'] as const).map((m) => <li key={m}>{t(`nav.${m}`)}</li>)}
      </ul>
    </section>
  );
}
