import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/feedback';
import { dateTime } from '../../dates';

/** Everything that happened to the case, internal notes marked. */
export function CaseTimeline({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('fb.timeline')}</h3>
      <ol className="timeline">
        {timeline.map((e) => (
          <li key={e.id} className={e.internal ? 'internal' : undefined}>
            <small className="muted">{dateTime(e.at)} · {e.actor_name}</small> <b>{t(`fb.events.${e.action}`, { defaultValue: e.action })}</b>{e.to_state ? ` → ${t(`fb.states.${e.to_state}`)}` : ''}{e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
