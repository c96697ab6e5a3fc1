import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { indicatorKeys, indicatorQuery, saveTargets, type Target } from '../../api/indicators';
import { ErrorText } from '../../components/Chrome';

/** An indicator's baselines and targets for the province, edited as rows and saved together. */
export function Targets({ code, provinceId }: { code: string; provinceId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = useQuery(indicatorQuery(code, provinceId));
  const [rows, setRows] = useState<Target[]>([]);
  useEffect(() => setRows(saved.data?.targets ?? []), [saved.data]);
  const save = useMutation({
    mutationFn: () => saveTargets(code, provinceId, rows),
    onSuccess: () => void client.invalidateQueries({ queryKey: indicatorKeys.detail(code) }),
  });
  const edit = (i: number, change: Partial<Target>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <section className="card" aria-label={t('meta.targets')}>
      <h3>{t('meta.targets')}</h3>
      {rows.length === 0 ? <p className="muted">{t('meta.targetsEmpty')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('meta.kind')}</th><th>{t('score.year')}</th><th>{t('score.value')}</th><th>{t('score.source')}</th><th /></tr></thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td><select aria-label={t('meta.kind')} value={r.kind} onChange={(e) => edit(i, { kind: e.target.value as Target['kind'] })}>
                    <option value="baseline">{t('meta.baseline')}</option><option value="target">{t('score.target')}</option>
                  </select></td>
                  <td><input aria-label={t('score.year')} type="number" min={2000} max={2100} value={r.year} onChange={(e) => edit(i, { year: Number(e.target.value) })} style={{ width: '6rem' }} /></td>
                  <td><input aria-label={t('score.value')} type="number" step="any" value={r.value} onChange={(e) => edit(i, { value: Number(e.target.value) })} style={{ width: '7rem' }} /></td>
                  <td><input aria-label={t('score.source')} value={r.source ?? ''} onChange={(e) => edit(i, { source: e.target.value || null })} /></td>
                  <td><button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('fbs.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row wrap">
        <button type="button" onClick={() => setRows([...rows, { year: 2030, kind: 'target', value: 0, source: null }])}>{t('meta.addTarget')}</button>
        <button type="button" className="primary" onClick={() => save.mutate()}>{t('meta.saveTargets')}</button>
        {save.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
      </div>
      <ErrorText error={save.error ?? saved.error} />
    </section>
  );
}
