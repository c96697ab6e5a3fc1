import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/Chrome';

/** The end of an editor form: its own buttons, Save, the saved mark and any error. */
export function SaveRow({ result, error, disabled, children }: { result: { isSuccess: boolean; error: unknown }; error?: unknown; disabled?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="wide row wrap">
        {children}
        <button className="primary" type="submit" disabled={disabled}>{t('meta.save')}</button>
        {result.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
      </div>
      <ErrorText error={result.error ?? error} />
    </>
  );
}
