import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth, useCan } from '../../auth';
import { casesQuery, feedbackKeys, officersQuery } from '../../api/feedback';
import { categoriesQuery, feedbackMapQuery } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import { PointsMap, type MapPoint } from '../../components/PointsMap';
import { useReveal } from '../../components/useReveal';
import { vnToday } from '../../dates';
import { CaseDetail, OPEN_STATES } from '../FeedbackCase';
import { BulkBar, type BulkChoice } from './BulkBar';
import { FeedbackFigures } from './FeedbackFigures';
import { filterParams, InboxFilters, NO_FILTERS, type Filters } from './InboxFilters';
import { InboxTable } from './InboxTable';
import { OperatorEntry } from './OperatorEntry';

/** The unit's inbox: filters, list or map, bulk steps, the figures, and the case being handled beside them. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [view, setView] = useState<'list' | 'map'>('list');
  const [selected, setSelected] = useState<number | null>(() => null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState<BulkChoice>({ officerId: '', priority: 'high' });
  const [entering, setEntering] = useState(false);
  const params = filterParams(filters);
  const code = new URLSearchParams(window.location.search).get('ma');
  const inbox = useQuery(casesQuery(params.toString()));
  const linked = useQuery({ ...casesQuery(`code=${code}`), enabled: Boolean(code) });
  const shown = selected ?? linked.data?.[0]?.id ?? null;
  const caseRef = useReveal<HTMLDivElement>(shown);
  const categories = useQuery(categoriesQuery());
  const map = useQuery({ ...feedbackMapQuery(), enabled: view === 'map' });
  const canHandle = useCan()('feedback.handle');
  const officers = useQuery({ ...officersQuery(me?.user.orgUnitId), enabled: canHandle });
  const categoryName = (c: string) => {
    const x = categories.data?.find((y) => y.code === c);
    return x ? (i18n.language === 'vi' ? x.nameVi : x.nameEn) : c;
  };
  const items = inbox.data ?? [];
  const points: MapPoint[] = items.filter((c) => c.lat !== null && c.lon !== null).map((c) => ({
    id: c.id, lat: c.lat!, lon: c.lon!, label: `${c.trackingCode} · ${categoryName(c.category)} · ${t(`fb.states.${c.state}`)}`,
    color: OPEN_STATES.includes(c.state) && c.dueDate < vnToday() ? '#cc0000' : OPEN_STATES.includes(c.state) ? '#e69138' : '#38761d',
  }));
  const set = (k: keyof Filters, v: string | boolean) => setFilters({ ...filters, [k]: v });
  return (
    <section>
      <div className="row wrap">
        <h1>{t('fb.title')}</h1><span className="spacer" />
        {canHandle && <button onClick={() => setEntering(!entering)} aria-expanded={entering}>{t('fb.operator')}</button>}
        <button className={view === 'list' ? 'primary' : undefined} onClick={() => setView('list')}>{t('fb.list')}</button>
        <button className={view === 'map' ? 'primary' : undefined} onClick={() => setView('map')}>{t('fb.map')}</button>
      </div>
      {entering && <OperatorEntry categories={categories.data ?? []} onDone={() => void client.invalidateQueries({ queryKey: feedbackKeys.lists() })} />}
      {me && <FeedbackFigures unitId={me.user.orgUnitId} />}
      <InboxFilters filters={filters} set={set} categories={categories.data} categoryName={categoryName} />
      {checked.size > 0 && canHandle && (
        <BulkBar
          checked={checked} officers={officers.data} bulk={bulk} setBulk={setBulk} onCancel={() => setChecked(new Set())}
          onDone={() => {
            setChecked(new Set());
            void client.invalidateQueries({ queryKey: feedbackKeys.lists() });
            void client.invalidateQueries({ queryKey: feedbackKeys.cases() });
          }}
        />
      )}
      <div className="score-layout">
        {view === 'map' ? (
          <div>{map.data && <PointsMap outlines={map.data.outlines} points={points} onPoint={(id) => setSelected(Number(id))} label={t('fb.map')} testId="inbox-map" height={480} />}</div>
        ) : (
          <InboxTable items={items} loaded={inbox.isSuccess} filtered={params.size > 0} shown={shown} checked={checked} setChecked={setChecked} setSelected={setSelected} categoryName={categoryName} />
        )}
        <div ref={caseRef}>{shown ? <CaseDetail key={shown} id={shown} categories={categories.data ?? []} /> : <p className="muted">{t('fb.pick')}</p>}</div>
      </div>
      <ErrorText error={inbox.error} />
    </section>
  );
}
