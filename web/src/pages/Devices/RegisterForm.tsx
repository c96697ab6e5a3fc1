import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { feedbackMapQuery } from '../../api/feedback-public';
import { entryUnitsQuery, type Unit } from '../../api/org-units';
import { createDevice, deviceKeys, type DeviceKind, type DeviceWithToken } from '../../api/devices';
import { ErrorText } from '../../components/Chrome';
import { PointsMap } from '../../components/PointsMap';
import { vnToday } from '../../dates';
import { useKindNames } from './status';

const LEVELS: Unit['level'][] = ['province', 'department', 'district', 'commune'];

/**
 * An administrator registers a device: its kind, name, where it stands (typed or tapped on the map; the server finds
 * the commune from the point) and the unit that owns it. The answer carries the token, shown once by the caller.
 */
export function RegisterForm({ kinds, onCreated }: { kinds: DeviceKind[]; onCreated(created: DeviceWithToken): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const names = useKindNames(kinds);
  const today = vnToday();
  const units = useQuery(entryUnitsQuery(today, null));
  const outlines = useQuery(feedbackMapQuery());
  const [kind, setKind] = useState(kinds[0]?.code ?? '');
  const [name, setName] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [owner, setOwner] = useState('');
  const [showMap, setShowMap] = useState(false);
  const point = lat !== '' && lon !== '' && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon)) ? { lat: Number(lat), lon: Number(lon) } : null;
  const create = useMutation({
    mutationFn: () => createDevice({ kind, name: name.trim(), location: point, ownerUnitId: owner ? Number(owner) : null }),
    onSuccess: (created) => {
      setName('');
      setLat('');
      setLon('');
      void client.invalidateQueries({ queryKey: deviceKeys.all });
      onCreated(created);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const listed = units.data ?? [];
  return (
    <form className="card" onSubmit={submit} aria-label={t('devices.register.title')} data-testid="register-device">
      <h2>{t('devices.register.title')}</h2>
      <div className="form-grid">
        <label>{t('devices.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)} required>
            {kinds.map((k) => <option key={k.code} value={k.code}>{names.kindName(k.code)}</option>)}
          </select>
        </label>
        <label>{t('devices.name')}<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} /></label>
        <label>{t('devices.lat')}<input type="number" inputMode="decimal" step="any" min={-90} max={90} value={lat} onChange={(e) => setLat(e.target.value)} required={lon !== ''} /></label>
        <label>{t('devices.lon')}<input type="number" inputMode="decimal" step="any" min={-180} max={180} value={lon} onChange={(e) => setLon(e.target.value)} required={lat !== ''} /></label>
        <label>{t('devices.owner')}
          <select value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">{t('devices.noOwner')}</option>
            {LEVELS.map((level) => {
              const of = listed.filter((u) => u.level === level);
              return of.length ? <optgroup key={level} label={t(`levels.${level}`)}>{of.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</optgroup> : null;
            })}
          </select>
        </label>
      </div>
      <p className="muted small">{t('devices.register.communeHint')}</p>
      <button type="button" onClick={() => setShowMap(!showMap)} aria-expanded={showMap}>{t('devices.register.pickOnMap')}</button>
      {showMap && outlines.data && outlines.data.outlines.features.length > 0 && (
        <PointsMap
          outlines={outlines.data.outlines} pin={point} label={t('devices.register.mapLabel')} testId="register-map" height={280}
          onPick={(p) => { setLat(String(p.lat)); setLon(String(p.lon)); }}
        />
      )}
      <div className="row wrap" style={{ marginTop: '0.6rem' }}>
        <button className="primary" type="submit" disabled={create.isPending || !kind}>{t('devices.register.submit')}</button>
      </div>
      <ErrorText error={create.error} />
    </form>
  );
}
