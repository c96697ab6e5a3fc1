import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { useAuth } from '../auth';
import { ErrorText } from '../components/Chrome';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setError(null);
    if (form.next !== form.confirm) return setError(new Error(t('account.mismatch')));
    try {
      await changePassword(form.current, form.next);
      setDone(true);
      setForm({ current: '', next: '', confirm: '' });
    } catch (err) {
      setError(err);
    }
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p>{me?.user.displayName} · {me?.user.username} · {me?.user.orgUnitName}</p>
      <form className="card form-narrow" onSubmit={submit}>
        <h2>{t('account.change')}</h2>
        <label>{t('account.current')}<input type="password" name="currentPassword" autoComplete="current-password" value={form.current} onChange={set('current')} required /></label>
        <label>{t('account.new')}<input type="password" name="newPassword" autoComplete="new-password" value={form.next} onChange={set('next')} required /></label>
        <label>{t('account.confirm')}<input type="password" name="confirm" autoComplete="new-password" value={form.confirm} onChange={set('confirm')} required /></label>
        <small className="muted">{t('account.rule')}</small>
        <ErrorText error={error} />
        {done && <p className="ok" role="status">{t('account.done')}</p>}
        <button type="submit" className="primary">{t('account.change')}</button>
      </form>
    </section>
  );
}
