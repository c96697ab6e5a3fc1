import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lotEventsQuery, type EpcisEvent } from '../../api/traceability';
import { ErrorText } from '../../components/Chrome';
import { dateTime } from '../../dates';
import { fieldOf, stepName } from './steps';

/** An event's own figures (its farm fields), as "label: value", in the reader's language. */
function Fields({ event }: { event: EpcisEvent }) {
  const { i18n } = useTranslation();
  const shown = Object.entries(event).map(([k, v]) => [fieldOf(k), v] as const).filter(([f, v]) => f && (typeof v === 'string' || typeof v === 'number'));
  if (!shown.length) return null;
  return (
    <ul className="small">
      {shown.map(([f, v]) => <li key={f!.name}>{i18n.language === 'en' ? f!.nameEn : f!.nameVi}: <b>{String(v)}</b></li>)}
    </ul>
  );
}

const idOf = (place: unknown) => (place && typeof place === 'object' && 'id' in place ? String((place as { id: unknown }).id) : null);

/** The lot's journey: its events in time order, from the sowing to the shop; a declared error is shown struck out. */
export function Journey({ gtin, lot, placeNames }: { gtin: string; lot: string; placeNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const events = useQuery(lotEventsQuery(gtin, lot));
  return (
    <div className="card" data-testid="journey">
      <h2>{t('trace.journey.title')}</h2>
      <ErrorText error={events.error} />
      {events.data && (events.data.length === 0 ? <p className="muted" data-testid="journey-empty">{t('trace.journey.none')}</p> : (
        <ol className="timeline" style={{ listStyle: 'none', paddingLeft: 0, borderLeft: '3px solid var(--line)' }}>
          {events.data.map((e, i) => {
            const place = idOf(e.bizLocation) ?? idOf(e.readPoint);
            const declared = Boolean(e.errorDeclaration);
            return (
              <li key={e.eventID ?? i} data-testid="journey-event" data-step={e.bizStep} style={{ padding: '0 0 0.75rem 0.75rem', textDecoration: declared ? 'line-through' : undefined }}>
                <b>{stepName(e.bizStep, i18n.language)}</b>{' '}
                <span className="small muted">{e.eventTime ? dateTime(e.eventTime) : ''}{place ? ` · ${placeNames.get(place) ?? place}` : ''}</span>
                {declared && <span className="badge loss">{t('trace.journey.declared')}</span>}
                <Fields event={e} />
              </li>
            );
          })}
        </ol>
      ))}
    </div>
  );
}
