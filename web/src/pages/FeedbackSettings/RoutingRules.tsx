import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth';
import { rulesQuery, saveRules, type RoutingRule as Rule } from '../../api/feedback';
import { ErrorText } from '../../components/Chrome';
import type { CaseCategory } from '../FeedbackCase';

/** Where a new case goes, the first rule that matches winning; administrators reorder and edit them. */
export function RoutingRules({ categories }: { categories: CaseCategory[] }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const saved = useQuery(rulesQuery());
  const [rules, setRules] = useState<Rule[]>([]);
  useEffect(() => setRules(saved.data ?? []), [saved.data]);
  const save = useMutation({ mutationFn: () => saveRules(rules) });
  const edit = (i: number, change: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const admin = can('feedback.routing');
  return (
    <section className="card" aria-label={t('fbs.rules')}>
      <h2>{t('fbs.rules')}</h2>
      <p className="muted small">{t('fbs.rulesHelp')}</p>
      {rules.length === 0 && saved.isSuccess ? <p className="muted">{t('fbs.rulesEmpty')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>#</th><th>{t('fb.category')}</th><th>{t('fbs.target')}</th><th>{t('fbs.unitId')}</th><th>{t('fbs.note')}</th><th /></tr></thead>
            <tbody>
              {rules.map((r, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td><select aria-label={t('fb.category')} disabled={!admin} value={r.category ?? ''} onChange={(e) => edit(i, { category: e.target.value || null })}>
                    <option value="">{t('fbs.anyCategory')}</option>
                    {categories.map((c) => <option key={c.code} value={c.code}>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</option>)}
                  </select></td>
                  <td><select aria-label={t('fbs.target')} disabled={!admin} value={r.target} onChange={(e) => edit(i, { target: e.target.value as Rule['target'], unitId: e.target.value === 'unit' ? r.unitId : null })}>
                    {(['place', 'place_parent', 'unit'] as const).map((x) => <option key={x} value={x}>{t(`fbs.targets.${x}`)}</option>)}
                  </select></td>
                  <td>{r.target === 'unit' ? <input type="number" aria-label={t('fbs.unitId')} disabled={!admin} value={r.unitId ?? ''} onChange={(e) => edit(i, { unitId: e.target.value ? Number(e.target.value) : null })} style={{ width: '6rem' }} /> : ''} <small className="muted">{r.unit ?? ''}</small></td>
                  <td><input aria-label={t('fbs.note')} disabled={!admin} value={r.note ?? ''} onChange={(e) => edit(i, { note: e.target.value || null })} /></td>
                  <td>{admin && (<>
                    <button disabled={i === 0} onClick={() => setRules([...rules.slice(0, i - 1), r, rules[i - 1]!, ...rules.slice(i + 1)])}>{t('fbs.up')}</button>
                    <button onClick={() => setRules(rules.filter((_, j) => j !== i))}>{t('fbs.remove')}</button>
                  </>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && (
        <div className="row wrap">
          <button onClick={() => setRules([{ category: categories[0]?.code ?? null, target: 'place_parent', unitId: null, note: null }, ...rules])}>{t('fbs.add')}</button>
          <button className="primary" onClick={() => save.mutate()}>{t('fbs.saveRules')}</button>
          {save.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
        </div>
      )}
      <ErrorText error={save.error} />
    </section>
  );
}
