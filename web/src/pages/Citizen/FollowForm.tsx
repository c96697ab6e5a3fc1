import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followReport } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';

/** Follow an existing report instead of sending a duplicate: the answer comes by e-mail. */
export function FollowForm({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(codes[0] ?? '');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (done) return <p className="ok" role="status">{t('citizen.following', { code })}</p>;
  return (
    <div className="row wrap" data-testid="follow">
      <select aria-label={t('citizen.code')} value={code} onChange={(e) => setCode(e.target.value)}>{codes.map((c) => <option key={c}>{c}</option>)}</select>
      <input type="email" placeholder={t('citizen.email')} value={email} onChange={(e) => setEmail(e.target.value)} aria-label={t('citizen.email')} />
      <label className="inline small"><input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('citizen.consentShort')}</label>
      <button type="button" disabled={!email || !consent} onClick={async () => {
        try {
          await followReport(code, email);
          setDone(true);
        } catch (err) {
          setError(err);
        }
      }}>{t('citizen.follow')}</button>
      <ErrorText error={error} />
    </div>
  );
}
