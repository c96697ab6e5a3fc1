import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditCsvUrl, auditQuery } from '../api/audit';
import { ErrorText } from '../components/Chrome';
import { dateTime } from '../dates';

const PAGE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const log = useQuery(auditQuery({ q, limit: PAGE, offset: page * PAGE }));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE));
  return (
    <section>
      <div className="row wrap">
        <h1>{t('audit.title')}</h1><span className="spacer" />
        <input type="search" placeholder={t('audit.search')} value={q} onChange={(e) => { setQ(e.target.value); setPage(0); }} />
        <a className="button" href={auditCsvUrl(q)}>{t('audit.export')}</a>
      </div>
      <ErrorText error={log.error} />
      <p className="muted">{t('audit.total', { count: log.data?.total ?? 0 })}</p>
      {log.data?.items.length === 0 ? <p className="muted">{t('audit.empty')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.entity')}</th><th>{t('audit.changes')}</th></tr></thead>
            <tbody>
              {log.data?.items.map((e) => (
                <tr key={e.id}>
                  <td>{dateTime(e.at)}</td>
                  <td>{e.actor_name} <small className="muted">{e.actor_kind}</small></td>
                  <td><code>{e.action}</code></td>
                  <td>{e.entity}{e.entity_id ? ` #${e.entity_id}` : ''}</td>
                  <td>
                    {(e.before !== null || e.after !== null) && (
                      <details><summary>{t('audit.changes')}</summary>
                        {e.before !== null && <><b>{t('audit.before')}</b><pre>{JSON.stringify(e.before, null, 1)}</pre></>}
                        {e.after !== null && <><b>{t('audit.after')}</b><pre>{JSON.stringify(e.after, null, 1)}</pre></>}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row"><button disabled={page === 0} onClick={() => setPage(page - 1)}>{t('common.prev')}</button><span>{page + 1} / {pages}</span><button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('common.next')}</button></div>
    </section>
  );
}
