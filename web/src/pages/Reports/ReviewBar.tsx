import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportAction, reportingKeys, reportXlsxUrl, type ReportAction, type ReportView } from '../../api/reporting';
import { ErrorText } from '../../components/Chrome';

/** The report's next step with a note: submit it, approve or return it, or unlock it; edits waiting are sent first. */
export function ReviewBar({ r, editable, canReview, canUnlock, nextName, errors, flush }: {
  r: ReportView; editable: boolean; canReview: boolean; canUnlock: boolean; nextName: string | undefined; errors: number; flush(): Promise<void>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: async (action: ReportAction) => {
      await flush();
      return reportAction(r.id, action, note);
    },
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: reportingKeys.report(r.id) });
      void client.invalidateQueries({ queryKey: reportingKeys.due() });
      void client.invalidateQueries({ queryKey: reportingKeys.queue() });
    },
  });
  return (
    <div className="card">
      <textarea aria-label={t('rep.note')} placeholder={t('rep.note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row wrap">
        {editable && <button className="primary" disabled={errors > 0} onClick={() => act.mutate('submit')}>{t('rep.submit')}</button>}
        {editable && errors > 0 && <span className="loss small">{t('rep.fixFirst', { count: errors })}</span>}
        {canReview && <button className="primary" onClick={() => act.mutate('approve')}>{t('rep.approve', { unit: nextName })}</button>}
        {canReview && <button disabled={!note.trim()} onClick={() => act.mutate('return')}>{t('rep.return')}</button>}
        {canUnlock && <button disabled={!note.trim()} onClick={() => act.mutate('unlock')}>{t('rep.unlock')}</button>}
        <a className="button" href={reportXlsxUrl(r.id)}>{t('rep.downloadXlsx')}</a>
      </div>
      <ErrorText error={act.error} />
    </div>
  );
}
