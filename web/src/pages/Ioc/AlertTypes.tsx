import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Severity } from '../../api/alerts';
import { alertTypesQuery, panelKeys, saveAlertType, type AlertType } from '../../api/ioc-panels';
import { ErrorText } from '../../components/Chrome';
import { inLanguage } from './AlertList';

/** One alert type's settings: its default severity, acknowledgement limit and standard steps (one per line, "key | vi | en"). */
function TypeForm({ type, onDone }: { type: AlertType; onDone(): void }) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<Severity>(type.defaultSeverity);
  const [limit, setLimit] = useState(type.ackLimitMinutes === null ? '' : String(type.ackLimitMinutes));
  const [steps, setSteps] = useState(type.checklist.map((s) => `${s.key} | ${s.vi} | ${s.en}`).join('\n'));
  const save = useMutation({
    mutationFn: () => saveAlertType(type.code, {
      defaultSeverity: severity, ackLimitMinutes: limit.trim() === '' ? null : Number(limit),
      checklist: steps.split('\n').filter((l) => l.trim()).map((l) => { const [key = '', vi = '', en = ''] = l.split('|').map((x) => x.trim()); return { key, vi, en }; }),
    }),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={type.code}>
      <label>{t('iocTypes.severity')}<select name="severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
        {SEVERITIES.map((s) => <option key={s} value={s}>{t(`ioc.severity.${s}`)}</option>)}</select></label>
      <label>{t('iocTypes.ackLimit')}<input name="ackLimitMinutes" type="number" value={limit} onChange={(e) => setLimit(e.target.value)} /></label>
      <label>{t('iocTypes.checklist')}<textarea name="checklist" rows={4} value={steps} onChange={(e) => setSteps(e.target.value)} /></label>
      <button className="primary" type="submit">{t('iocFields.save')}</button>
      <ErrorText error={save.error} />
    </form>
  );
}

/** The alert types (their fields, severity, acknowledgement limit, steps): an administrator edits them here. */
export function IocAlertTypesPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const types = useQuery(alertTypesQuery());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section>
      <h1>{t('iocTypes.title')}</h1>
      <p className="muted">{t('iocTypes.hint')}</p>
      <div className="table-wrap"><table>
        <thead><tr><th>{t('iocTypes.name')}</th><th>{t('iocFields.field')}</th><th>{t('iocTypes.severity')}</th><th>{t('iocTypes.ackLimit')}</th><th /></tr></thead>
        <tbody>{types.data?.map((ty) => (
          <tr key={ty.code}>
            <td>{inLanguage(ty.name, i18n.language)} <small className="muted">{ty.code}</small></td><td>{ty.field}</td>
            <td>{t(`ioc.severity.${ty.defaultSeverity}`)}</td><td>{ty.ackLimitMinutes ?? '—'}</td>
            <td><button type="button" onClick={() => setOpen(open === ty.code ? null : ty.code)}>{t('iocFields.edit')}</button></td>
          </tr>
        ))}</tbody>
      </table></div>
      {types.data?.filter((ty) => ty.code === open).map((ty) => (
        <TypeForm key={ty.code} type={ty} onDone={() => { setOpen(null); void client.invalidateQueries({ queryKey: panelKeys.types() }); }} />
      ))}
    </section>
  );
}
