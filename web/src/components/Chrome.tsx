import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { metaQuery } from '../api/auth';

export function useMeta() {
  return useQuery(metaQuery());
}

/** Shown on every page of a demo database, so nobody mistakes it for the real one. */
export function DemoBanner() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return <div className="demo-banner" role="status"><strong>{t('app.demo')}</strong> — {t('app.demoHint')}</div>;
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <button className="lang" onClick={() => void i18n.changeLanguage(i18n.language === 'vi' ? 'en' : 'vi')} lang={i18n.language === 'vi' ? 'en' : 'vi'}>
      {t('app.language')}
    </button>
  );
}

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return <p className="error" role="alert">{error instanceof Error ? error.message : String(error)}</p>;
}
