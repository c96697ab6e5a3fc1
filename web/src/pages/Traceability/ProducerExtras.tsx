import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chainUrl, createAccount, integrityQuery, type Account } from '../../api/traceability';
import { ErrorText } from '../../components/Chrome';

/** An account for one of the producer's people: it signs in as the producer and sees only the producer's records. */
export function AccountForm({ producerId }: { producerId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const [made, setMade] = useState<Account | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = useMutation({
    mutationFn: () => createAccount(producerId, { username: form.username.trim(), displayName: form.displayName.trim(), email: form.email.trim() || null, password: form.password }),
    onSuccess: (a) => { setMade(a); setOpen(false); setForm({ username: '', displayName: '', email: '', password: '' }); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <div className="card" data-testid="account-card">
      <div className="row wrap"><h2>{t('trace.account.title')}</h2><span className="spacer" />
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('trace.account.open')}</button>
      </div>
      {made && <p className="ok" role="status">{t('trace.account.made', { username: made.username })}</p>}
      {open && (
        <form onSubmit={submit} className="form-grid">
          <label className="block">{t('trace.account.username')}<input required minLength={3} maxLength={50} pattern="[A-Za-z0-9._\-]+" value={form.username} onChange={set('username')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.account.displayName')}<input required maxLength={120} value={form.displayName} onChange={set('displayName')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.account.email')}<input type="email" value={form.email} onChange={set('email')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.account.password')}<input type="password" required autoComplete="new-password" value={form.password} onChange={set('password')} style={{ width: '100%' }} /></label>
          <div className="wide"><button className="primary" disabled={save.isPending}>{t('trace.account.create')}</button></div>
        </form>
      )}
      <ErrorText error={save.error} />
    </div>
  );
}

/** The chain of the producer's events re-checked in the store: intact, or the links that do not hold. */
export function IntegrityCard({ producerId }: { producerId: number }) {
  const { t } = useTranslation();
  const integrity = useQuery(integrityQuery(producerId));
  const r = integrity.data;
  return (
    <div className="card" data-testid="integrity">
      <h2>{t('trace.integrity.title')}</h2>
      <ErrorText error={integrity.error} />
      {r && (
        <>
          <p className={r.intact ? 'ok' : 'error'} data-testid="integrity-verdict" data-intact={r.intact}>
            {r.intact ? t('trace.integrity.intact', { count: r.events }) : t('trace.integrity.broken', { count: r.faults.length })}
          </p>
          {!r.headMatches && <p className="error">{t('trace.integrity.head')}</p>}
          {r.faults.length > 0 && (
            <div className="table-wrap">
              <table data-testid="integrity-faults">
                <thead><tr><th className="num">{t('trace.integrity.seq')}</th><th>{t('trace.integrity.fault')}</th><th>{t('trace.integrity.event')}</th></tr></thead>
                <tbody>{r.faults.map((f) => <tr key={`${f.seq}-${f.fault}`}><td className="num">{f.seq}</td><td>{t(`trace.integrity.faults.${f.fault}`)}</td><td className="mono" style={{ wordBreak: 'break-all' }}>{f.eventId}</td></tr>)}</tbody>
              </table>
            </div>
          )}
          {r.checkpoints.some((c) => !c.valid || !c.matches) && <p className="error">{t('trace.integrity.checkpoints')}</p>}
        </>
      )}
      <p><a href={chainUrl(producerId)} download data-testid="chain-download">{t('trace.integrity.download')}</a></p>
      <p className="small muted">{t('trace.integrity.hint')}</p>
    </div>
  );
}
