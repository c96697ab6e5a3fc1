import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseQuery, duplicatesQuery, updateCase } from '../../api/feedback';
import { placesQuery, type FeedbackCategory } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear, vnToday } from '../../dates';
import { AnswerBox } from './AnswerBox';
import { CasePhotos } from './CasePhotos';
import { CaseTimeline } from './CaseTimeline';
import { Duplicates } from './Duplicates';
import { PublicText } from './PublicText';
import { OPEN_STATES, PRIORITIES } from './states';
import { useRefreshCase } from './useRefreshCase';

export { OPEN_STATES, PRIORITIES } from './states';
/** A category as a case names it: its code and both names. */
export type CaseCategory = Pick<FeedbackCategory, 'code' | 'nameVi' | 'nameEn'>;

/** One case as an officer handles it: its priority and category, public text, photos, look-alikes, steps and history. */
export function CaseDetail({ id, categories }: { id: number; categories: CaseCategory[] }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery(caseQuery(id));
  const c = detail.data;
  const [publicText, setPublicText] = useState<string | null>(null);
  const duplicates = useQuery(duplicatesQuery(id));
  const places = useQuery(placesQuery());
  const refresh = useRefreshCase(id);
  const update = useMutation({
    mutationFn: (body: Record<string, unknown>) => updateCase(id, body),
    onSuccess: () => {
      setPublicText(null);
      refresh();
    },
  });
  if (detail.isLoading) return <p>{t('app.loading')}</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  if (!c) return null;
  const open = OPEN_STATES.includes(c.state);
  const catName = (x: CaseCategory) => (i18n.language === 'vi' ? x.nameVi : x.nameEn);
  return (
    <div className="card" data-testid="case-detail">
      <h2>{c.tracking_code} <small className="muted">{t(`fb.states.${c.state}`)}</small></h2>
      <div className="row wrap small">
        <label>{t('fb.priority')} <select aria-label={t('fb.priority')} value={c.priority} onChange={(e) => update.mutate({ priority: e.target.value })}>{PRIORITIES.map((p) => <option key={p} value={p}>{t(`fb.priorities.${p}`)}</option>)}</select></label>
        <label>{t('fb.category')} <select aria-label={t('fb.category')} value={c.category_code} disabled={!open && c.state !== 'received'} onChange={(e) => update.mutate({ category: e.target.value })}>{categories.map((x) => <option key={x.code} value={x.code}>{catName(x)}</option>)}</select></label>
        {/* A partner's report may arrive without a commune: the province's triage places it, and the rules route it on. */}
        <label className={c.place_unit_id === null ? 'warn' : undefined}>{t('fb.place')} <select aria-label={t('fb.place')} value={c.place_unit_id ?? ''} disabled={!open && c.state !== 'received'} onChange={(e) => update.mutate({ placeUnitId: Number(e.target.value) })}>
          {c.place_unit_id === null && <option value="">{t('fb.placeUnknown')}</option>}
          {(places.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select></label>
      </div>
      <p>{c.description}</p>
      <PublicText c={c} publicText={publicText} setPublicText={setPublicText} update={(body) => update.mutate(body)} />
      <p className="muted small">{t('fb.due')}: <span className={open && c.due_date < vnToday() ? 'loss' : undefined}>{dayMonthYear(c.due_date)}</span></p>
      <p className="small">{t('fb.contact')}: {c.data.anonymous || !c.data.contact ? t('fb.anonymous') : `${c.data.contact.name}${c.data.contact.phone ? ` · ${c.data.contact.phone}` : ''}${c.data.contact.email ? ` · ${c.data.contact.email}` : ''}`}</p>
      <CasePhotos caseId={id} media={c.media} onChanged={refresh} />
      {open && duplicates.data && duplicates.data.length > 0 && <Duplicates caseId={id} duplicates={duplicates.data} onMerged={refresh} />}
      {c.public_answer && <p className="ok">{c.public_answer}</p>}
      <AnswerBox c={c} onDone={refresh} updateError={update.error} />
      <CaseTimeline timeline={c.timeline} />
    </div>
  );
}
