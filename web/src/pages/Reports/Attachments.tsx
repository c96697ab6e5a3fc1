import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { attachFiles, attachmentUrl, detachFile, reportingKeys, type ReportView } from '../../api/reporting';
import { ErrorText } from '../../components/Chrome';

/** The files sent with the report; added and removed while it can still be edited. */
export function Attachments({ r, editable }: { r: ReportView; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const attach = useMutation({ mutationFn: (files: FileList) => attachFiles(r.id, files), onSuccess: () => void client.invalidateQueries({ queryKey: reportingKeys.report(r.id) }) });
  const detach = useMutation({ mutationFn: (attachmentId: number) => detachFile(r.id, attachmentId), onSuccess: () => void client.invalidateQueries({ queryKey: reportingKeys.report(r.id) }) });
  return (
    <fieldset className="card" data-testid="attachments">
      <legend>{t('rep.attachments')}</legend>
      <ul>
        {r.attachments.map((a) => (
          <li key={a.id}><a href={attachmentUrl(r.id, a.id)}>{a.fileName}</a> <small className="muted">{Math.ceil(a.size / 1024)} KB</small>
            {editable && <button className="link" onClick={() => detach.mutate(a.id)}>{t('rep.remove')}</button>}</li>
        ))}
      </ul>
      {editable && <input type="file" multiple aria-label={t('rep.attach')} accept=".pdf,.docx,.xlsx,.odt,.ods,.jpg,.jpeg,.png" onChange={(e) => { if (e.target.files?.length) attach.mutate(e.target.files); e.target.value = ''; }} />}
      <ErrorText error={attach.error ?? detach.error} />
    </fieldset>
  );
}
