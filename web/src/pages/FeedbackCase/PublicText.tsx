import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/feedback';

/** The description as the public sees it (masked by default), which an officer may rewrite or put back. */
export function PublicText({ c, publicText, setPublicText, update }: {
  c: CaseDetail; publicText: string | null; setPublicText(text: string | null): void; update(body: Record<string, unknown>): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="small">
      <b>{t('fb.publicText')}</b>{' '}
      {publicText !== null ? (
        <span className="row wrap">
          <textarea aria-label={t('fb.publicText')} rows={3} value={publicText} onChange={(e) => setPublicText(e.target.value)} />
          <button className="primary" disabled={publicText.trim().length < 10} onClick={() => update({ publicDescription: publicText })}>{t('fb.save')}</button>
          {c.public_description && <button onClick={() => update({ publicDescription: null })}>{t('fb.maskedOriginal')}</button>}
          <button onClick={() => setPublicText(null)}>{t('fb.cancel')}</button>
        </span>
      ) : (<><span className="muted" data-testid="public-text">{c.publicText}</span> <button className="link" onClick={() => setPublicText(c.publicText)}>{t('fb.edit')}</button></>)}
    </div>
  );
}
