import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/feedback';

/** Everything that happened to the case, internal notes marked. */
export function CaseTimeline({ timeline }: { timeline: CaseDetail['timeline'] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h3>{t('fb.timeline')}</h3>
      <ol className="timeline">
        {timeline.map((e) => (
          <li key={e.id} className={e.internal ? 'internal' : undefined}>
            <small className="muted">{new Date(e.at).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')} · {e.actor_name}</small> <b>{t(`fb.events.${e.action}`, { defaultValue: e.action })}</b>{e.to_state ? ` → ${t(`fb.states.${e.to_state}`)}` : ''}{e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
