import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Severity } from '../../api/alerts';
import { api } from '../../api/client';
import { alertTypesQuery, panelKeys, saveAlertType, type AlertType } from '../../api/ioc-panels';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { inLanguage } from './AlertList';

/** What the alert core says of a type besides its settings: who defined it, and whether it takes new alerts. */
type ManagedType = AlertType & { origin: 'platform' | 'reference' | 'province'; retired: boolean };
type Bi = { vi: string; en: string };

/** The standard steps, one a line: "key | vi | en". */
const parseSteps = (text: string): AlertType['checklist'] =>
  text.split('\n').filter((l) => l.trim()).map((l) => { const [key = '', vi = '', en = ''] = l.split('|').map((x) => x.trim()); return { key, vi, en }; });
const limitOf = (text: string) => (text.trim() === '' ? null : Number(text));

const fieldsQuery = () => ({ queryKey: [...panelKeys.types(), 'fields'], queryFn: async () => (await api<{ fields: { code: string; name: Bi }[] }>('/api/alerts/reference')).fields });
const createType = (input: AlertType) => api<ManagedType>('/api/alerts/types', { method: 'POST', body: input });
const removeType = (code: string) => api<{ code: string }>(`/api/alerts/types/${encodeURIComponent(code)}`, { method: 'DELETE' });
const retireType = (code: string, retired: boolean) => api<ManagedType>(`/api/alerts/types/${encodeURIComponent(code)}`, { method: 'PATCH', body: { retired } });

/** The settings both forms share: default severity, acknowledgement limit and standard steps. */
function Settings({ severity, setSeverity, limit, setLimit, steps, setSteps }: {
  severity: Severity; setSeverity(s: Severity): void; limit: string; setLimit(s: string): void; steps: string; setSteps(s: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>{t('iocTypes.severity')}<select name="severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
        {SEVERITIES.map((s) => <option key={s} value={s}>{t(`ioc.severity.${s}`)}</option>)}</select></label>
      <label>{t('iocTypes.ackLimit')}<input name="ackLimitMinutes" type="number" min={1} value={limit} onChange={(e) => setLimit(e.target.value)} /></label>
      <label>{t('iocTypes.checklist')}<textarea name="checklist" rows={4} value={steps} onChange={(e) => setSteps(e.target.value)} /></label>
    </>
  );
}

/** One alert type's settings: its default severity, acknowledgement limit and standard steps. */
function TypeForm({ type, onDone }: { type: AlertType; onDone(): void }) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<Severity>(type.defaultSeverity);
  const [limit, setLimit] = useState(type.ackLimitMinutes === null ? '' : String(type.ackLimitMinutes));
  const [steps, setSteps] = useState(type.checklist.map((s) => `${s.key} | ${s.vi} | ${s.en}`).join('\n'));
  const save = useMutation({
    mutationFn: () => saveAlertType(type.code, { defaultSeverity: severity, ackLimitMinutes: limitOf(limit), checklist: parseSteps(steps) }),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={type.code}>
      <Settings {...{ severity, setSeverity, limit, setLimit, steps, setSteps }} />
      <button className="primary" type="submit">{t('iocFields.save')}</button>
      <ErrorText error={save.error} />
    </form>
  );
}

/** A new type, for what another system raises (a camera's analytics, a hotline, a weather service). */
function AddForm({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const fields = useQuery(fieldsQuery());
  const [code, setCode] = useState('');
  const [name, setName] = useState<Bi>({ vi: '', en: '' });
  const [field, setField] = useState('');
  const [severity, setSeverity] = useState<Severity>('warning');
  const [limit, setLimit] = useState('');
  const [steps, setSteps] = useState('');
  const add = useMutation({
    mutationFn: () => createType({
      code: code.trim(), name, field: field || fields.data?.[0]?.code || '', defaultSeverity: severity, ackLimitMinutes: limitOf(limit), checklist: parseSteps(steps),
    }),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => { e.preventDefault(); add.mutate(); };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('iocTypes.add')}>
      <label>{t('iocTypes.code')}<input name="code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} required pattern="[A-Z][A-Z0-9_]{1,39}" /></label>
      <label>{t('iocTypes.nameVi')}<input name="nameVi" value={name.vi} onChange={(e) => setName({ ...name, vi: e.target.value })} required /></label>
      <label>{t('iocTypes.nameEn')}<input name="nameEn" value={name.en} onChange={(e) => setName({ ...name, en: e.target.value })} required /></label>
      <label>{t('iocFields.field')}<select name="field" value={field || fields.data?.[0]?.code || ''} onChange={(e) => setField(e.target.value)}>
        {fields.data?.map((f) => <option key={f.code} value={f.code}>{inLanguage(f.name, i18n.language)}</option>)}</select></label>
      <Settings {...{ severity, setSeverity, limit, setLimit, steps, setSteps }} />
      <button className="primary" type="submit">{t('iocTypes.create')}</button>
      <ErrorText error={add.error} />
    </form>
  );
}

/**
 * The alert types (their fields, severity, acknowledgement limit, steps): an administrator edits them here, adds the
 * types other systems raise, retires one (no new alerts; those it has are handled to their end) and removes one the
 * province added while no alert uses it. A type the platform's own modules raise is neither retired nor removed.
 */
export function IocAlertTypesPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const types = useQuery(alertTypesQuery());
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: panelKeys.types() });
  const done = () => { setOpen(null); void refresh(); };
  const remove = useMutation({ mutationFn: removeType, onSuccess: () => void refresh() });
  const retire = useMutation({ mutationFn: ({ code, retired }: { code: string; retired: boolean }) => retireType(code, retired), onSuccess: () => void refresh() });
  const manage = can('ioc.configure');
  const ask = (key: string, ty: ManagedType) => window.confirm(t(key, { name: inLanguage(ty.name, i18n.language) }));
  return (
    <section>
      <h1>{t('iocTypes.title')}</h1>
      <p className="muted">{t('iocTypes.hint')}</p>
      {manage && <p><button type="button" onClick={() => setOpen(open === '+' ? null : '+')}>{t('iocTypes.add')}</button></p>}
      {open === '+' && <AddForm onDone={done} />}
      <ErrorText error={remove.error ?? retire.error} />
      <div className="table-wrap"><table>
        <thead><tr><th>{t('iocTypes.name')}</th><th>{t('iocFields.field')}</th><th>{t('iocTypes.severity')}</th><th>{t('iocTypes.ackLimit')}</th><th>{t('iocTypes.status')}</th><th /></tr></thead>
        <tbody>{(types.data as ManagedType[] | undefined)?.map((ty) => (
          <tr key={ty.code}>
            <td>{inLanguage(ty.name, i18n.language)} <small className="muted">{ty.code}</small></td><td>{ty.field}</td>
            <td>{t(`ioc.severity.${ty.defaultSeverity}`)}</td><td>{ty.ackLimitMinutes ?? '—'}</td>
            <td>{t(ty.retired ? 'iocTypes.retired' : 'iocTypes.inService')} <small className="muted">{t(`iocTypes.origin.${ty.origin}`)}</small></td>
            <td>{manage && <>
              <button type="button" onClick={() => setOpen(open === ty.code ? null : ty.code)}>{t('iocFields.edit')}</button>
              {ty.origin !== 'platform' && (ty.retired
                ? <button type="button" onClick={() => retire.mutate({ code: ty.code, retired: false })}>{t('iocTypes.reinstate')}</button>
                : <button type="button" onClick={() => { if (ask('iocTypes.confirmRetire', ty)) retire.mutate({ code: ty.code, retired: true }); }}>{t('iocTypes.retire')}</button>)}
              {ty.origin === 'province' && <button type="button" onClick={() => { if (ask('iocTypes.confirmRemove', ty)) remove.mutate(ty.code); }}>{t('iocFields.remove')}</button>}
            </>}</td>
          </tr>
        ))}</tbody>
      </table></div>
      {types.data?.filter((ty) => ty.code === open).map((ty) => <TypeForm key={ty.code} type={ty} onDone={done} />)}
    </section>
  );
}
