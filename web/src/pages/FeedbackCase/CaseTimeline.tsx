import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/feedback';
import { dateTime } from '../../dates';

type TimelineEvent = CaseDetail['timeline'][number];

/** Everything that happened to the case, internal notes marked; what the platform recorded is worded in the reader's language. */
export function CaseTimeline({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const { t } = useTranslation();
  // The platform's own actors are named by role; people by their names.
  const actor = (e: TimelineEvent) => (e.actor_kind === 'system' ? t(`fb.actors.${e.actor_name}`, { defaultValue: e.actor_name }) : e.actor_name);
  // A citizen's rating is kept as figures in its event's data.
  const rating = (e: TimelineEvent) => {
    const r = e.data?.rating;
    if (typeof r !== 'number') return '';
    const key = e.data.solved === true ? 'fb.ratingSolved' : e.data.solved === false ? 'fb.ratingUnsolved' : 'fb.rating';
    return `: ${t(key, { rating: r })}`;
  };
  return (
    <>
      <h3>{t('fb.timeline')}</h3>
      <ol className="timeline">
        {timeline.map((e) => (
          <li key={e.id} className={e.internal ? 'internal' : undefined}>
            <small className="muted">{dateTime(e.at)} · {actor(e)}</small> <b>{t(`fb.events.${e.action}`, { defaultValue: e.action })}</b>{e.to_state ? ` → ${t(`fb.states.${e.to_state}`)}` : ''}{rating(e)}{e.note ? `${rating(e) ? ' — ' : ': '}${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
