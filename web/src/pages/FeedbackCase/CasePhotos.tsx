import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMedia } from '../../api/feedback';
import { PhotoRedactor } from './PhotoRedactor';

/** The case's photos, each marked awaiting review, public, blurred or hidden; one opens to be published, blurred or hidden. */
export function CasePhotos({ caseId, media, onChanged }: { caseId: number; media: CaseMedia[]; onChanged(): void }) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<number | null>(null);
  const selectedPhoto = media.find((m) => m.id === photo);
  return (
    <>
      {media.length > 0 && (
        <div className="thumbs" data-testid="case-photos">
          {media.map((m) => (
            <figure key={m.id} className={m.hidden ? 'hidden-photo' : undefined}>
              <button className="link" onClick={() => setPhoto(photo === m.id ? null : m.id)} aria-label={`${t('fb.photo')} ${m.position}`}><img src={m.url} alt={`${t('fb.photo')} ${m.position}`} /></button>
              <figcaption className="small">{!m.reviewed && m.hidden ? t('fb.awaitingReview') : m.hidden ? t('fb.hidden') : m.redacted ? t('fb.blurred') : t('fb.public')}</figcaption>
            </figure>
          ))}
        </div>
      )}
      {selectedPhoto && <PhotoRedactor key={selectedPhoto.id} caseId={caseId} media={selectedPhoto} onDone={() => { setPhoto(null); onChanged(); }} />}
    </>
  );
}
