import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { nearbyQuery } from '../../api/feedback-public';
import { FollowForm } from './FollowForm';

/** Reports of the same category near the pin: the citizen may follow one instead of sending the same again. */
export function NearbyReports({ category, pin, onTrack }: { category: string; pin: { lat: number; lon: number } | null; onTrack(code: string): void }) {
  const { t } = useTranslation();
  const nearby = useQuery({ ...nearbyQuery(category, pin), enabled: Boolean(category && pin) });
  if (!nearby.data || nearby.data.length === 0) return null;
  return (
    <div className="card warn-card" data-testid="nearby">
      <strong>{t('citizen.similar')}</strong>
      <ul>
        {nearby.data.map((n) => (
          <li key={n.trackingCode}>
            <button type="button" className="link" onClick={() => onTrack(n.trackingCode)}>{n.trackingCode}</button> · {n.distanceMeters} m · {n.description}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('citizen.similarHelp')}</p>
      <FollowForm codes={nearby.data.map((n) => n.trackingCode)} />
    </div>
  );
}
