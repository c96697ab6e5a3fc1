import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { runBulk as runBulkStep, type Officer } from '../../api/feedback';
import { ErrorText } from '../../components/Chrome';
import { PRIORITIES } from '../FeedbackCase';

/** Kept by the page, so the officer or priority last used is still picked for the next cases ticked. */
export interface BulkChoice { officerId: string; priority: string }

/** One step for every case ticked: accept, assign to an officer, or set a priority. */
export function BulkBar({ checked, officers, bulk, setBulk, onDone, onCancel }: {
  checked: Set<number>; officers: Officer[] | undefined; bulk: BulkChoice; setBulk(bulk: BulkChoice): void; onDone(): void; onCancel(): void;
}) {
  const { t } = useTranslation();
  const runBulk = useMutation({ mutationFn: (body: Record<string, unknown>) => runBulkStep([...checked], body), onSuccess: onDone });
  return (
    <div className="bulk-bar row wrap" data-testid="bulk-bar">
      <b>{t('fb.selected', { count: checked.size })}</b>
      <button onClick={() => runBulk.mutate({ action: 'accept' })}>{t('fb.actions.accept')}</button>
      <select aria-label={t('fb.assignTo')} value={bulk.officerId} onChange={(e) => setBulk({ ...bulk, officerId: e.target.value })}>
        <option value="">{t('fb.assignTo')}…</option>
        {officers?.map((o) => <option key={o.id} value={o.id}>{o.displayName}</option>)}
      </select>
      <button disabled={!bulk.officerId} onClick={() => runBulk.mutate({ action: 'assign', officerId: Number(bulk.officerId) })}>{t('fb.assign')}</button>
      <select aria-label={t('fb.priority')} value={bulk.priority} onChange={(e) => setBulk({ ...bulk, priority: e.target.value })}>
        {PRIORITIES.map((p) => <option key={p} value={p}>{t(`fb.priorities.${p}`)}</option>)}
      </select>
      <button onClick={() => runBulk.mutate({ action: 'priority', priority: bulk.priority })}>{t('fb.setPriority')}</button>
      <button className="link" onClick={onCancel}>{t('fb.cancel')}</button>
      <ErrorText error={runBulk.error} />
    </div>
  );
}
