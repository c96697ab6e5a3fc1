import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../api/alerts';
import type { Briefing } from '../../api/briefings';
import { dayMonthYear } from '../../dates';
import { inLanguage } from './AlertList';

type Content = Briefing['content'];
type Count = Content['feedback']['received'];
const ARROWS = { up: '▲', down: '▼', same: '=', unknown: '—' } as const;

function Versus({ label, count }: { label: string; count: Count }) {
  const { t, i18n } = useTranslation();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{count.current.toLocaleString(i18n.language)}</td>
      <td className="num">{count.previous.toLocaleString(i18n.language)}</td>
      <td className={`trend trend-${count.trend}`}>{ARROWS[count.trend]} {t(`briefing.trend.${count.trend}`)}</td>
    </tr>
  );
}

/** One briefing as a page: the same sections, in the same order, as its PDF. */
export function BriefingView({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation();
  const c = briefing.content;
  const lang = i18n.language;
  const figure = (v: number | null) => (v === null ? '—' : v.toLocaleString(lang, { maximumFractionDigits: 1 }));
  const head = <thead><tr><th /><th>{t('briefing.now')}</th><th>{t('briefing.before')}</th><th>{t('briefing.change')}</th></tr></thead>;
  return (
    <article className="briefing" data-testid="briefing">
      <p className="muted">
        {c.unit.name} · {t('briefing.compared', { start: dayMonthYear(c.previous.start), end: dayMonthYear(c.previous.end) })}
      </p>
      <section aria-labelledby="briefing-alerts">
        <h2 id="briefing-alerts">{t('briefing.alerts')}</h2>
        <div className="severity-tiles">
          {SEVERITIES.map((s) => (
            <div key={s} className={`tile severity-${s}`}>
              <span className="tile-number">{c.alerts.raisedBySeverity[s]}</span><span>{t(`ioc.severity.${s}`)}</span>
            </div>
          ))}
        </div>
        <div className="table-wrap">
          <table>
            {head}
            <tbody>
              <Versus label={t('briefing.raised')} count={c.alerts.raised} />
              <tr><th scope="row">{t('briefing.overdue')}</th><td className="num">{c.alerts.overdue}</td><td /><td /></tr>
            </tbody>
          </table>
        </div>
        {c.alerts.overdueList.length > 0 && (
          <ul className="briefing-overdue">
            {c.alerts.overdueList.map((a) => (
              <li key={a.id}><span className={`badge severity-${a.severity}`}>{t(`ioc.severity.${a.severity}`)}</span> {inLanguage(a.title, lang)}{a.unit ? ` — ${a.unit}` : ''}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="briefing-feedback">
        <h2 id="briefing-feedback">{t('briefing.feedback')}</h2>
        <div className="table-wrap">
          <table>
            {head}
            <tbody>
              <Versus label={t('briefing.received')} count={c.feedback.received} />
              <Versus label={t('briefing.answered')} count={c.feedback.answered} />
              <Versus label={t('briefing.onTime')} count={c.feedback.answeredOnTime} />
              <tr><th scope="row">{t('briefing.late')}</th><td className="num">{c.feedback.late}</td><td /><td /></tr>
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="briefing-figures">
        <h2 id="briefing-figures">{t('briefing.figures')}</h2>
        {c.figures.length === 0 ? <p>{t('briefing.none')}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th>{t('briefing.field')}</th><th>{t('briefing.indicator')}</th><th>{t('briefing.period')}</th><th>{t('briefing.now')}</th><th>{t('briefing.before')}</th><th /></tr></thead>
              <tbody>
                {c.figures.map((f) => (
                  <tr key={`${f.field}-${f.title.vi}`} className={f.breach ? 'breach' : undefined}>
                    <td>{inLanguage(f.fieldName, lang)}</td>
                    <td>{inLanguage(f.title, lang)}{f.breach ? ` (${t('briefing.breach')})` : ''}</td>
                    <td>{f.period}</td>
                    <td className="num">{figure(f.value)}</td>
                    <td className="num">{figure(f.previous)}</td>
                    <td className={`trend trend-${f.trend}`} title={t(`briefing.trend.${f.trend}`)}>{ARROWS[f.trend]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="briefing-reports">
        <h2 id="briefing-reports">{t('briefing.reports')}</h2>
        {c.reports.late.length === 0 ? <p>{t('briefing.none')}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th>{t('briefing.regime')}</th><th>{t('briefing.period')}</th><th>{t('briefing.due')}</th><th>{t('briefing.missing')}</th></tr></thead>
              <tbody>
                {c.reports.late.map((r) => (
                  <tr key={`${r.regime}-${r.period}`}><td>{inLanguage(r.name, lang)}</td><td>{r.period}</td><td>{dayMonthYear(r.dueDate)}</td><td className="num">{r.late}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
