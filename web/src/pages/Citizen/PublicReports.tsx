import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { publicListQuery, type FeedbackCategory, type MapInfo } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import { PointsMap, type MapPoint } from '../../components/PointsMap';
import { dayMonthYear } from '../../dates';
import { colourOf, MY_REPORTS, readList } from './storage';

/** Everyone's reports on a map and in a list, by category and state; or only those sent from this device. */
export function PublicReports({ categories, map, onTrack, mine }: { categories: FeedbackCategory[]; map: MapInfo | undefined; onTrack(code: string): void; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const codes = mine ? readList<string>(MY_REPORTS) : [];
  const params = new URLSearchParams({ pageSize: '100', ...(category ? { category } : {}), ...(status ? { status } : {}), ...(mine ? { codes: codes.join(',') } : {}) });
  const list = useQuery({ ...publicListQuery(params), enabled: !mine || codes.length > 0 });
  const name = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? (i18n.language === 'vi' ? c.nameVi : c.nameEn) : code;
  };
  const points: MapPoint[] = (list.data?.items ?? []).filter((i) => i.lat !== null && i.lon !== null)
    .map((i) => ({ id: i.trackingCode, lat: i.lat!, lon: i.lon!, color: colourOf(i.state), label: `${i.trackingCode} · ${name(i.category)} · ${t(`citizen.states.${i.state}`)}` }));
  if (mine && codes.length === 0) return <p className="muted card">{t('citizen.noneYet')}</p>;
  return (
    <section className="card" aria-label={mine ? t('citizen.mine') : t('citizen.publicMap')}>
      {!mine && (
        <div className="row wrap">
          <select aria-label={t('citizen.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('citizen.allCategories')}</option>
            {categories.map((c) => <option key={c.code} value={c.code}>{name(c.code)}</option>)}
          </select>
          <select aria-label={t('citizen.state')} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('citizen.allStates')}</option>
            {['open', 'answered', 'closed'].map((s) => <option key={s} value={s}>{t(`citizen.status.${s}`)}</option>)}
          </select>
          <span className="muted small">{t('citizen.total', { count: list.data?.total ?? 0 })}</span>
        </div>
      )}
      {map && <PointsMap outlines={map.outlines} points={points} onPoint={(id) => onTrack(String(id))} label={t('citizen.mapLabel')} testId={mine ? 'mine-map' : 'public-map'} />}
      <ul className="report-list" data-testid={mine ? 'mine-list' : 'public-list'}>
        {list.data?.items.map((i) => (
          <li key={i.trackingCode}>
            <button className="link" onClick={() => onTrack(i.trackingCode)}>{i.trackingCode}</button> <span className="badge" style={{ background: colourOf(i.state) }}>{t(`citizen.states.${i.state}`)}</span>
            <div className="small">{name(i.category)} · {i.place} · {dayMonthYear(i.receivedAt)}{i.photos ? ` · ${t('citizen.photoCount', { count: i.photos })}` : ''}</div>
            <div className="muted small">{i.description}</div>
          </li>
        ))}
      </ul>
      <ErrorText error={list.error} />
    </section>
  );
}
