import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_PHOTOS = 5;

/** Up to five photos, previewed as they are chosen, each removable before sending. */
export function PhotoPicker({ photos, setPhotos, onError }: { photos: File[]; setPhotos(photos: File[]): void; onError(error: Error): void }) {
  const { t } = useTranslation();
  const previews = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);
  function choose(files: FileList | null) {
    const chosen = [...photos, ...Array.from(files ?? [])];
    setPhotos(chosen.slice(0, MAX_PHOTOS));
    if (chosen.length > MAX_PHOTOS) onError(new Error(t('citizen.maxPhotos', { max: MAX_PHOTOS })));
  }
  return (
    <>
    <label>{t('citizen.photos', { max: MAX_PHOTOS })}
      <input name="photos" type="file" accept="image/jpeg,image/png,image/webp,image/heic" multiple onChange={(e) => { choose(e.target.files); e.target.value = ''; }} disabled={photos.length >= MAX_PHOTOS} />
    </label>
    {photos.length > 0 && (
      <div className="thumbs" data-testid="photo-previews">
        {previews.map((url, i) => (
          <figure key={url}><img src={url} alt={photos[i]!.name} /><button type="button" aria-label={t('citizen.removePhoto')} onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>×</button></figure>
        ))}
      </div>
    )}
    </>
  );
}
