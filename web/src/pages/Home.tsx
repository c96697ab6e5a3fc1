import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { casesQuery } from '../api/feedback';
import { unitsQuery, type Unit } from '../api/org-units';
import { dueQuery, queueQuery } from '../api/reporting';
import { useAuth, useCan } from '../auth';
import { vnToday } from '../dates';

/** What waits for the user today: reports to send or review, feedback to handle, in the user's own units. */
function MyWork() {
  const { t } = useTranslation();
  const reviewer = useCan()('reports.review');
  const due = useQuery(dueQuery());
  const queue = useQuery({ ...queueQuery(), enabled: reviewer });
  const cases = useQuery(casesQuery('limit=500'));
  const today = vnToday();
  const toSend = due.data?.filter((d) => d.state !== 'submitted' && d.state !== 'approved') ?? [];
  const late = toSend.filter((d) => d.dueDate < today).length;
  const open = cases.data?.filter((c) => ['routed', 'forwarded', 'accepted', 'in_progress'].includes(c.state)) ?? [];
  const overdue = open.filter((c) => c.dueDate < today).length;
  return (
    <div className="tiles" data-testid="my-work">
      <Link className="tile" to="/reports"><span className="big">{due.data ? toSend.length : '…'}</span>{t('home.reportsToSend')}{late > 0 && <small className="loss"> · {t('home.late', { count: late })}</small>}</Link>
      {reviewer && <Link className="tile" to="/reports/queue"><span className="big">{queue.data?.length ?? '…'}</span>{t('home.reportsToReview')}</Link>}
      <Link className="tile" to="/feedback"><span className="big">{cases.data ? open.length : '…'}</span>{t('home.casesOpen')}{overdue > 0 && <small className="loss"> · {t('home.overdue', { count: overdue })}</small>}</Link>
    </div>
  );
}

const LEVELS: Unit['level'][] = ['province', 'district', 'commune', 'department'];

/**
 * Today's structure as it is: a tile per level that has units (since 1 July 2025 there is no district level), the
 * commune level counted by kind (wards, communes).
 */
function UnitCounts() {
  const { t } = useTranslation();
  const units = useQuery(unitsQuery());
  if (!units.data) return <div className="tiles" data-testid="unit-counts"><span className="tile"><span className="big">…</span></span></div>;
  const label = (level: Unit['level']) => (level === 'district' ? t('home.districts') : level === 'commune' ? t('home.communes') : level === 'department' ? t('home.departments') : t('levels.province'));
  return (
    <div className="tiles" data-testid="unit-counts">
      {LEVELS.map((level) => {
        const of = units.data.filter((u) => u.level === level);
        if (!of.length) return null;
        const kinds = level === 'commune' ? [...new Set(of.map((u) => u.type))].map((type) => ({ type, n: of.filter((u) => u.type === type).length })) : [];
        return (
          <Link key={level} className="tile" to="/units" data-testid={`units-${level}`}>
            <span className="big">{of.length}</span>{label(level)}
            {kinds.length > 1 && <small> · {kinds.map((k) => `${k.n} ${t(`home.unitTypes.${k.type}`, { defaultValue: k.type })}`).join(', ')}</small>}
          </Link>
        );
      })}
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  return (
    <section>
      <h1>{t('home.welcome', { name: me?.user.displayName })}</h1>
      <p>{t('home.role')}: <strong>{t(`roles.${me?.user.role}`)}</strong> · {t('home.unit')}: <strong>{me?.user.orgUnitName}</strong></p>
      <h2>{t('home.myWork')}</h2>
      <MyWork />
      <UnitCounts />
      <p className="muted">{t('home.unitsToday')}</p>
      <h2>{t('home.next')}</h2>
      <ul className="columns">
        {(['ioc', 'agriculture', 'traceability', 'listening'] as const).map((m) => <li key={m}>{t(`nav.${m}`)}</li>)}
      </ul>
    </section>
  );
}
