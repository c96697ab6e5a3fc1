import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth, useCan } from '../../auth';
import { dueQuery, openReport, type Due } from '../../api/reporting';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear } from '../../dates';
import { StateBadge } from './StateBadge';

/** The officer's inbox: what the unit has to report, the period just closed first. */
export function ReportsDuePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const due = useQuery(dueQuery());
  const mayStart = useCan()('reports.submit');
  const open = useMutation({
    mutationFn: (d: Due) => openReport({ regime: d.regime, unitId: me!.user.orgUnitId, period: d.period }),
    onSuccess: (r) => navigate(`/reports/${r.id}`),
  });
  return (
    <section>
      <h1>{t('rep.dueTitle')}</h1>
      <p className="muted">{t('rep.dueHelp', { unit: me?.user.orgUnitName })}</p>
      {due.data?.length === 0 ? <p className="muted">{t('rep.nothingDue')}</p> : (
        <div className="table-wrap">
          <table data-testid="due-list">
            <thead><tr><th>{t('rep.regime')}</th><th>{t('rep.period')}</th><th>{t('rep.window')}</th><th>{t('rep.due')}</th><th>{t('rep.state')}</th><th /></tr></thead>
            <tbody>
              {due.data?.map((d) => (
                <tr key={`${d.regime}-${d.period}`}>
                  <td>{i18n.language === 'vi' ? d.nameVi : d.nameEn}{d.demo && <small className="muted"> · {t('rep.demo')}</small>}</td>
                  <td>{d.period}</td><td className="small">{dayMonthYear(d.start)} – {dayMonthYear(d.end)}</td><td>{dayMonthYear(d.dueDate)}</td>
                  <td><StateBadge state={d.state} dueDate={d.dueDate} /></td>
                  <td>{d.reportId ? <Link to={`/reports/${d.reportId}`}>{t('rep.openReport')}</Link> : mayStart && <button onClick={() => open.mutate(d)}>{t('rep.start')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorText error={due.error ?? open.error} />
    </section>
  );
}
