import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchMe } from '../api/auth';
import { ApiError } from '../api/client';
import { dataElementsQuery } from '../api/data-elements';
import { exportUrl as valueSetUrl, fetchImportJob, IMPORT_TYPES as TYPES, importUrl, type ImportJob as Job } from '../api/data-exchange';
import { unitsQuery } from '../api/org-units';
import { useCan } from '../auth';
import { ErrorText } from '../components/Chrome';

/** Import a DHIS2 data value set (CSV, XLSX or JSON) with a progress bar, and export one for a unit and a period. */
export function ExchangePage() {
  const { t, i18n } = useTranslation();
  // The import is offered to whom the server lets import (a leader reads and exports, and does not write).
  const canImport = useCan()('data.import');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const elements = useQuery(dataElementsQuery());
  const [from, setFrom] = useState('2020-01-01');
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const units = useQuery(unitsQuery({ asOf: to }));
  const [chosenUnit, setExportUnit] = useState<string | null>(null);
  const exportUnit = chosenUnit ?? units.data?.[0]?.code ?? '';

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setJob(null);
    const ext = file.name.split('.').pop()!.toLowerCase();
    const type = TYPES[ext] ?? TYPES.csv!;
    const csrf = (await fetchMe()).csrfToken;
    const res = await fetch(importUrl(dryRun), {
      method: 'POST', body: file, headers: { 'content-type': type, 'x-csrf-token': csrf, 'accept-language': i18n.language },
    });
    const body = await res.json();
    if (res.status !== 202) {
      setError(new ApiError(res.status, body.error?.code ?? 'internal', body.error?.messages ?? { vi: 'Lỗi', en: 'Error' }));
      return;
    }
    for (;;) {
      const current: Job = await fetchImportJob(body.url);
      setJob(current);
      if (current.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 400));
    }
  }

  const exportUrl = (format: string) => valueSetUrl(format, exportUnit, from, to, (elements.data ?? []).map((e) => e.code));
  const summary = job?.summary;
  return (
    <section>
      <h1>{t('exchange.title')}</h1>
      {canImport && (
        <form className="card" onSubmit={upload}>
          <h2>{t('exchange.import')}</h2>
          <p className="muted small">{t('exchange.formats')}</p>
          <input type="file" name="file" accept=".csv,.xlsx,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <label className="inline"><input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> {t('exchange.dryRun')}</label>
          <button className="primary" type="submit" disabled={!file || job?.status === 'running'}>{t('exchange.start')}</button>
          {job && (
            <div className="progress-box" data-testid="import-progress">
              <progress max={100} value={job.percent ?? undefined} aria-label={t('exchange.progress')} />
              <span>{job.percent !== null ? `${job.percent}%` : ''} · {t('exchange.rows', { count: job.rowsRead })}</span>
            </div>
          )}
          {summary && (
            <div className={summary.status === 'ERROR' ? 'error' : 'ok'} role="status">
              <strong>{t(`exchange.status.${summary.status}`)}</strong> — {t('exchange.counts', summary.importCount)}
            </div>
          )}
          {summary && summary.conflicts.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead><tr><th>{t('exchange.rowsCol')}</th><th>{t('exchange.field')}</th><th>{t('exchange.object')}</th><th>{t('exchange.reason')}</th></tr></thead>
                <tbody>
                  {summary.conflicts.slice(0, 200).map((c, i) => (
                    <tr key={i}><td>{c.indexes.slice(0, 10).map((n) => n + 2).join(', ')}{c.indexes.length > 10 ? '…' : ''}</td><td>{c.property}</td><td>{c.object}</td><td>{i18n.language === 'vi' ? c.vi : c.value}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {job?.error && <p className="error">{job.error}</p>}
          <ErrorText error={error} />
        </form>
      )}
      <div className="card">
        <h2>{t('exchange.export')}</h2>
        <div className="row wrap">
          <label>{t('exchange.to')}<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
          <label>{t('exchange.from')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
          <label>{t('entry.unit')}
            <select value={exportUnit} onChange={(e) => setExportUnit(e.target.value)}>
              {units.data?.filter((u) => u.level === 'province' || u.level === 'district').map((u) => <option key={u.id} value={u.code}>{u.name} ({u.code})</option>)}
            </select>
          </label>
        </div>
        <div className="row">
          <a className="button" href={exportUrl('csv')}>CSV</a>
          <a className="button" href={exportUrl('xlsx')}>XLSX</a>
          <a className="button" href={exportUrl('json')} target="_blank" rel="noreferrer">JSON</a>
        </div>
      </div>
    </section>
  );
}
