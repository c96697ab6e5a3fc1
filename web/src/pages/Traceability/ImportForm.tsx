import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { importFile, traceKeys } from '../../api/traceability';
import { ErrorText } from '../../components/Chrome';

interface RowProblem { row: number; field: string | null; message: string; messages?: { vi: string; en: string } }

/** Products and lots from one CSV or XLSX file: all stored, or every bad row listed and nothing stored. */
export function ImportForm({ producerId }: { producerId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: () => importFile(producerId, file!),
    onSuccess: () => void client.invalidateQueries({ queryKey: traceKeys.all }),
  });
  const submit = (e: FormEvent) => { e.preventDefault(); if (file) run.mutate(); };
  const rows = run.error instanceof ApiError && Array.isArray(run.error.details) ? (run.error.details as RowProblem[]) : [];
  return (
    <form onSubmit={submit} data-testid="import-form">
      <p className="small muted">{t('trace.import.hint')}</p>
      <div className="row wrap">
        <input type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button className="primary" disabled={!file || run.isPending}>{t('trace.import.run')}</button>
      </div>
      {run.data && (
        <p className="ok" role="status" data-testid="import-result">
          {t('trace.import.done', { created: run.data.products.created, updated: run.data.products.updated, lots: run.data.lots.created })}
        </p>
      )}
      <ErrorText error={run.error} />
      {rows.length > 0 && (
        <div className="table-wrap">
          <table data-testid="import-errors">
            <thead><tr><th className="num">{t('trace.import.row')}</th><th>{t('trace.import.field')}</th><th>{t('trace.import.problem')}</th></tr></thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}><td className="num">{r.row}</td><td className="mono">{r.field ?? '—'}</td><td>{r.messages?.[i18n.language as 'vi' | 'en'] ?? r.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
