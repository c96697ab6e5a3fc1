import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { casesQuery } from '../../api/feedback';
import { unitPageQuery } from '../../api/ioc-map';
import { dayMonthYear } from '../../dates';
import { AlertList, inLanguage } from './AlertList';
import { IndicatorTable } from './IndicatorTable';
import './map/map.css';
import { FeedbackFigures } from '../Feedback/FeedbackFigures';

/** /ioc/map?unit=ID: one unit as it stood on a day — its place in the tree, its indicators and its active alerts. */
export function IocUnitPage() {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const id = search.get('unit') ?? '';
  const date = search.get('date');
  const page = useQuery(unitPageQuery(id, date));
  const cases = useQuery(casesQuery(`unitId=${id}&limit=10`));
  const data = page.data;
  if (!data) {
    return (
      <section className="ioc">
        <h1>{t('iocMap.unitPage')}</h1>
        {page.error ? <p className="error" role="alert">{page.error.message}</p> : <p>{t('app.loading')}</p>}
      </section>
    );
  }
  const on = `date=${data.asOf}`;
  return (
    <section className="ioc" data-testid="unit-page">
      <nav className="breadcrumb" aria-label={t('iocMap.breadcrumb')}>
        {data.ancestors.map((a) => <span key={a.id}><Link to={`/ioc/map?unit=${a.id}&${on}`}>{a.name}</Link> › </span>)}
      </nav>
      <h1>{data.unit.name}</h1>
      <p className="muted">
        {data.unit.type} · {t('iocMap.asOf', { date: dayMonthYear(data.asOf) })}{' · '}
        <Link to={`/ioc/map?parent=${data.unit.id}&${on}`}>{t('iocMap.onMap')}</Link>
      </p>
      <div className="unit-page-sections">
        <section aria-labelledby="unit-indicators" data-testid="unit-indicators">
          <h2 id="unit-indicators">{t('ioc.indicators')}</h2>
          <IndicatorTable indicators={data.indicators.flatMap((p) => p.indicators)} third="trend" />
        </section>
        <section aria-labelledby="unit-alerts" data-testid="unit-alerts">
          <h2 id="unit-alerts">{t('ioc.activeAlerts')}</h2>
          <AlertList alerts={data.alerts} />
        </section>
        <FeedbackFigures unitId={data.unit.id} />
        <section aria-labelledby="unit-cases" data-testid="unit-cases">
          <h2 id="unit-cases">{t('iocMap.cases')}</h2>
          {cases.data?.length ? (
            <ul>{cases.data.map((c) => (
              <li key={c.id}><Link to={`/feedback?ma=${c.trackingCode}`}>{c.trackingCode}</Link> · {t(`fb.states.${c.state}`)} · {c.unit ?? ''} · {t('fb.due')} {dayMonthYear(c.dueDate)}</li>
            ))}</ul>
          ) : <p>{t('iocMap.noCases')}</p>}
        </section>
        <section aria-labelledby="unit-reports" data-testid="unit-reports">
          <h2 id="unit-reports">{t('iocMap.reports')}</h2>
          {data.reports.length ? (
            <ul>{data.reports.map((r) => (
              <li key={r.regime.code}>
                <Link to="/reports/completeness">{inLanguage({ vi: r.regime.nameVi, en: r.regime.nameEn }, i18n.language)}</Link>{' '}
                ({r.period}): {t('iocMap.submitted', { submitted: r.submitted, expected: r.expected, date: dayMonthYear(r.dueDate) })}
              </li>
            ))}</ul>
          ) : <p>{t('iocMap.noReports')}</p>}
        </section>
        <section aria-labelledby="unit-children" data-testid="unit-children">
          <h2 id="unit-children">{t('iocMap.children')}</h2>
          {data.children.length ? (
            <ul>{data.children.map((c) => <li key={c.id}><Link to={`/ioc/map?unit=${c.id}&${on}`}>{c.name}</Link></li>)}</ul>
          ) : <p>{t('iocMap.noChildren')}</p>}
        </section>
      </div>
    </section>
  );
}
