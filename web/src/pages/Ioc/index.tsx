import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SEVERITIES } from '../../api/alerts';
import { overviewQuery, type Overview } from '../../api/ioc';
import { UnitPicker } from '../../components/UnitPicker';
import { vnToday } from '../../dates';
import { AlertList } from './AlertList';
import { IndicatorTable } from './IndicatorTable';
import { OverviewMap } from './map/OverviewMap';
import { fieldsQuery } from '../../api/ioc-panels';
import { FieldPanels } from './panels/FieldPanels';

function Structure({ structure }: { structure: Overview['structure'] }) {
  const { t } = useTranslation();
  return (
    <p className="ioc-structure" data-testid="structure">
      {t('ioc.structure')}: {structure.map((s) => `${s.count} ${s.type}`).join(', ')}
    </p>
  );
}

/** The province today at a glance: open alerts by severity and the latest, the indicators with their status. */
export function IocPage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [asOf, setAsOf] = useState<string>(vnToday());
  const overview = useQuery(overviewQuery(unitId, asOf === vnToday() ? null : asOf));
  const data = overview.data;
  const fields = useQuery(fieldsQuery());
  return (
    <section className="ioc">
      <div className="row wrap">
        <h1>{t('ioc.title')}</h1>
        <Link to="/ioc/briefings" className="button">{t('nav.iocBriefings')}</Link>
      </div>
      {overview.error && <p className="error" role="alert">{overview.error.message}</p>}
      {!data ? <p>{t('app.loading')}</p> : (
        <>
          <div className="row wrap">
            <strong className="ioc-unit" data-testid="ioc-unit">{data.unit.name}</strong>
            <UnitPicker asOf={asOf} onAsOf={setAsOf} unit={data.unit} onUnit={(id) => setUnitId(String(id))} />
          </div>
          <Structure structure={data.structure} />
          <div className="severity-tiles" data-testid="severity-tiles">
            {SEVERITIES.map((s) => (
              <div key={s} className={`tile severity-${s}`}>
                <span className="tile-number">{data.alerts.counts[s]}</span>
                <span>{t(`ioc.severity.${s}`)}</span>
              </div>
            ))}
          </div>
          <div className="ioc-columns">
            <section aria-labelledby="ioc-alerts">
              <h2 id="ioc-alerts">{t('ioc.activeAlerts')}</h2>
              <AlertList alerts={data.alerts.alerts} />
            </section>
            <section aria-labelledby="ioc-indicators">
              <h2 id="ioc-indicators">{t('ioc.indicators')}</h2>
              <IndicatorTable indicators={data.pillars.flatMap((p) => p.indicators)} third="target" />
            </section>
          </div>
          <OverviewMap overview={data} />
          {fields.data?.map((field) => <FieldPanels key={field.code} field={field} unit={unitId} />)}
        </>
      )}
    </section>
  );
}
