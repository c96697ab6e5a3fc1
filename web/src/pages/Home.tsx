import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { casesQuery } from '../api/feedback';
import { unitsQuery, type Unit } from '../api/org-units';
import { dueQuery, queueQuery } from '../api/reporting';
import { useAuth } from '../auth';
import { vnToday } from '../dates';

/** What waits for the user today: reports to send or review, feedback to handle, in the user's own units. */
function MyWork() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const reviewer = me?.user.role !== 'officer' && me?.user.role !== 'leader';
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

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const units = useQuery(unitsQuery());
  const count = (level: Unit['level']) => units.data?.filter((u) => u.level === level).length ?? '…';
  return (
    <section>
      <h1>{t('home.welcome', { name: me?.user.displayName })}</h1>
      <p>{t('home.role')}: <strong>{t(`roles.${me?.user.role}`)}</strong> · {t('home.unit')}: <strong>{me?.user.orgUnitName}</strong></p>
      <h2>{t('home.myWork')}</h2>
      <MyWork />
      <div className="tiles">
        <Link className="tile" to="/units"><span className="big">{count('province')}</span>{t('levels.province')}</Link>
        <Link className="tile" to="/units"><span className="big">{count('district')}</span>{t('home.districts')}</Link>
        <Link className="tile" to="/units"><span className="big">{count('commune')}</span>{t('home.communes')}</Link>
        <Link className="tile" to="/units"><span className="big">{count('department')}</span>{t('home.departments')}</Link>
      </div>
      <p className="muted">{t('home.unitsToday')}</p>
      <h2>{t('home.next')}</h2>
      <ul className="columns">
        {(['ioc', 'agriculture', 'traceability', 'listening'] as const).map((m) => <li key={m}>{t(`nav.${m}`)}</li>)}
      </ul>
    </section>
  );
}
