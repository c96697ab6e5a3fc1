import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { publicReportQuery } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import { dateTime, dayMonthYear } from '../../dates';
import { RateForm } from './RateForm';

/** A report looked up by its code: its state, answer, photos and history; an answered one can be rated. */
export function TrackPanel({ code, setCode }: { code: string; setCode(c: string): void }) {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState(code);
  const [rated, setRated] = useState(false);
  useEffect(() => setInput(code), [code]);
  const report = useQuery({ ...publicReportQuery(code), enabled: Boolean(code), retry: false });
  const r = report.data;
  return (
    <section className="card" aria-label={t('citizen.track')}>
      <h2>{t('citizen.track')}</h2>
      <form className="row" onSubmit={(e) => { e.preventDefault(); setRated(false); setCode(input.trim().toUpperCase()); }}>
        <input name="code" placeholder="FE-XXXX-XXXX" value={input} onChange={(e) => setInput(e.target.value)} required />
        <button type="submit">{t('citizen.look')}</button>
      </form>
      {r && (
        <div data-testid="report">
          <p><strong>{i18n.language === 'vi' ? r.categoryNameVi : r.categoryNameEn}</strong> · {r.place}</p>
          <p>{t('citizen.state')}: <strong>{t(`citizen.states.${r.state}`)}</strong> · {t('citizen.unit')}: {r.unit} · {t('citizen.due')}: {dayMonthYear(r.dueDate)}</p>
          <p className="muted">{r.description}</p>
          {r.photos.length > 0 && <div className="thumbs">{r.photos.map((p) => <a key={p.url} href={p.url} target="_blank" rel="noreferrer"><img src={p.url} alt={`${r.trackingCode} ${p.position}`} loading="lazy" /></a>)}</div>}
          {r.answer && <p className="ok" data-testid="answer">{t('citizen.answer')}: {r.answer}</p>}
          <ol className="timeline">
            {r.timeline.map((e, i) => (
              <li key={i}><small className="muted">{dateTime(e.at)}</small> {t(`fb.events.${e.action}`, { defaultValue: e.action })}{e.note ? `: ${e.note}` : ''}</li>
            ))}
          </ol>
          {rated ? <p className="ok" role="status">{t('citizen.thanksRating')}</p> : (r.state === 'answered' && <RateForm code={r.trackingCode} onDone={() => { setRated(true); void report.refetch(); }} />)}
        </div>
      )}
      <ErrorText error={report.error} />
    </section>
  );
}
