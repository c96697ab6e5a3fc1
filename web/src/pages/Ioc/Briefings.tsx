import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { briefingKeys, briefingPdfUrl, briefingQuery, briefingsQuery, generateBriefing, type BriefingKind, type BriefingSummary } from '../../api/briefings';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear } from '../../dates';
import { BriefingView } from './BriefingView';

/** How a briefing is named in the list and as the page's title. */
function useTitle() {
  const { t } = useTranslation();
  return (b: BriefingSummary) => (b.kind === 'daily'
    ? t('briefing.dailyTitle', { date: dayMonthYear(b.periodStart) })
    : t('briefing.weeklyTitle', { start: dayMonthYear(b.periodStart), end: dayMonthYear(b.periodEnd) }));
}

function Archive({ selected }: { selected: number | null }) {
  const { t } = useTranslation();
  const title = useTitle();
  const [kind, setKind] = useState<BriefingKind | null>(null);
  const list = useQuery(briefingsQuery(kind));
  return (
    <nav aria-labelledby="briefing-archive" className="briefing-archive">
      <h2 id="briefing-archive">{t('briefing.archive')}</h2>
      <label>
        {t('briefing.kind')}{' '}
        <select value={kind ?? ''} onChange={(e) => setKind((e.target.value || null) as BriefingKind | null)}>
          <option value="">{t('briefing.allKinds')}</option>
          <option value="daily">{t('briefing.daily')}</option>
          <option value="weekly">{t('briefing.weekly')}</option>
        </select>
      </label>
      <ErrorText error={list.error} />
      {list.data && list.data.briefings.length === 0 && <p>{t('briefing.empty')}</p>}
      <ul>
        {list.data?.briefings.map((b) => (
          <li key={b.id}>
            <Link to={`/ioc/briefings/${b.id}`} aria-current={b.id === selected ? 'page' : undefined}>{title(b)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The daily and weekly briefings: the archive, and the one chosen (the newest when none) with its PDF in each language. */
export function BriefingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const title = useTitle();
  const client = useQueryClient();
  const params = useParams();
  const newest = useQuery(briefingsQuery(null));
  const id = params.id ? Number(params.id) : (newest.data?.briefings[0]?.id ?? null);
  const briefing = useQuery({ ...briefingQuery(id ?? 0), enabled: id !== null });
  const remake = useMutation({ mutationFn: generateBriefing, onSuccess: () => client.invalidateQueries({ queryKey: briefingKeys.all }) });
  return (
    <section className="briefings">
      <h1>{briefing.data ? title(briefing.data) : t('briefing.title')}</h1>
      <div className="row wrap">
        <Link to="/ioc">{t('briefing.backToIoc')}</Link>
        {briefing.data && (['vi', 'en'] as const).map((lang) => (
          <a key={lang} className="button" href={briefingPdfUrl(briefing.data.id, lang)} download>{t(`briefing.pdf.${lang}`)}</a>
        ))}
        {can('briefings.generate') && (['daily', 'weekly'] as const).map((kind) => (
          <button key={kind} type="button" disabled={remake.isPending} onClick={() => remake.mutate(kind)}>{t(`briefing.remake.${kind}`)}</button>
        ))}
      </div>
      <ErrorText error={remake.error ?? briefing.error} />
      <div className="briefing-layout">
        <Archive selected={id} />
        {briefing.data ? <BriefingView briefing={briefing.data} /> : id !== null && <p>{t('app.loading')}</p>}
      </div>
    </section>
  );
}
