import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { DemoBanner, ErrorText, LanguageSwitch, useMeta } from '../components/Chrome';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const meta = useMeta();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="login-page">
      <DemoBanner />
      <form className="card login" onSubmit={submit}>
        <div className="row"><h1>{t('app.name')}</h1><span className="spacer" /><LanguageSwitch /></div>
        <p className="muted">{t('app.tagline')}</p>
        <h2>{t('login.title')}</h2>
        <label>{t('login.username')}<input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></label>
        <label>{t('login.password')}<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        <ErrorText error={error} />
        <button type="submit" className="primary" disabled={busy}>{t('login.submit')}</button>
        {meta.data?.demo && <p className="muted small">{t('login.demoAccounts')}</p>}
      </form>
    </div>
  );
}
