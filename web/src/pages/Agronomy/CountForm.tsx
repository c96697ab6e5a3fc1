import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { speciesQuery, trapMapQuery, type Species, type TrapMap } from '../../api/agronomy';
import { readList } from '../Citizen/storage';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear, vnToday } from '../../dates';
import { useOnline } from '../../offline';
import { addDays, AgronomyNav, useSpeciesName } from './common';
import { newClientRef, shrinkPhoto, useQueuedCounts } from './countQueue';

// What the form needs kept on the phone, so that it opens without a connection: the traps and the species.
const TRAPS = 'tinhso.agro.traps';
const SPECIES = 'tinhso.agro.species';
type TrapItem = Pick<TrapMap['traps'][number], 'id' | 'name'>;
const kept = <T,>(key: string, data: T[] | undefined): T[] => {
  if (data && data.length) localStorage.setItem(key, JSON.stringify(data));
  return data && data.length ? data : readList<T>(key);
};

/** The technician's phone form: a trap, the night, the catch per species, a photo and a note; saved on the phone first. */
export function CountForm() {
  const { t } = useTranslation();
  const map = useQuery(trapMapQuery(''));
  const speciesData = useQuery(speciesQuery());
  const traps = useMemo(() => kept<TrapItem>(TRAPS, map.data?.traps.filter((x) => !x.revoked).map(({ id, name }) => ({ id, name }))), [map.data]);
  const species = useMemo(() => kept<Species>(SPECIES, speciesData.data), [speciesData.data]);
  const name = useSpeciesName(species);
  const { queued, sent, queue } = useQueuedCounts();
  const online = useOnline();
  const [form, setForm] = useState({ trap: '', night: addDays(vnToday(), -1), note: '' });
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [photo, setPhoto] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const preview = useMemo(() => (photo ? URL.createObjectURL(photo) : null), [photo]);
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const numbers = Object.fromEntries(Object.entries(counts).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, Number(v)]));
    if (Object.keys(numbers).length === 0) return setError(new Error(t('agro.form.countsRequired')));
    const trap = traps.find((x) => String(x.id) === form.trap);
    if (!trap) return setError(new Error(t('agro.form.trapRequired')));
    try {
      // The count's id is made now, once: every retry from the queue sends it, and the server keeps one count.
      queue({
        body: { deviceId: trap.id, night: form.night, counts: numbers, ...(form.note.trim() ? { note: form.note.trim() } : {}), clientRef: newClientRef() },
        trapName: trap.name, photo: photo ? await shrinkPhoto(photo) : null,
      });
      setCounts({});
      setPhoto(null);
      setForm({ ...form, note: '' });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="count-form">
      <h1>{t('agro.form.title')}</h1>
      <AgronomyNav />
      <p className="small" role="status" data-testid="connection">{online ? t('agro.form.online') : t('agro.form.offline')}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <label className="block">{t('agro.trap')}
          <select required value={form.trap} onChange={(e) => setForm({ ...form, trap: e.target.value })} style={{ width: '100%' }} data-testid="count-trap">
            <option value="">—</option>
            {traps.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label className="block">{t('agro.form.night')}
          <input type="date" required value={form.night} max={vnToday()} onChange={(e) => setForm({ ...form, night: e.target.value })} />
        </label>
        <fieldset>
          <legend>{t('agro.form.counts')}</legend>
          {species.map((s) => (
            <label className="block" key={s.code}>{name(s.code)}
              <input type="number" inputMode="numeric" min={0} max={1_000_000} step={1} value={counts[s.code] ?? ''} onChange={(e) => setCounts({ ...counts, [s.code]: e.target.value })} />
            </label>
          ))}
        </fieldset>
        <label className="block">{t('agro.form.photo')}
          <input type="file" name="photo" accept="image/jpeg,image/png,image/webp" capture="environment" onChange={(e) => { setPhoto(e.target.files?.[0] ?? null); e.target.value = ''; }} />
        </label>
        {preview && <div className="thumbs" data-testid="photo-preview"><figure><img src={preview} alt={t('agro.form.photo')} /><button type="button" aria-label={t('agro.form.removePhoto')} onClick={() => setPhoto(null)}>×</button></figure></div>}
        <label className="block">{t('agro.counts.note')}
          <textarea rows={2} maxLength={1000} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} style={{ width: '100%' }} />
        </label>
        <button className="primary">{t('agro.form.save')}</button>
        {saved && <p role="status">{online ? t('agro.form.sending') : t('agro.form.savedOffline')}</p>}
        <ErrorText error={error ?? map.error} />
      </form>
      <div className="card" data-testid="count-queue">
        <h2>{t('agro.form.queue')}</h2>
        {queued.length === 0 ? <p className="muted" data-testid="queue-empty">{t('agro.form.queueEmpty')}</p> : (
          <ul>{queued.map((q) => <li key={q.body.clientRef} data-state="queued">{t('agro.form.waiting', { trap: q.trapName, night: dayMonthYear(q.body.night) })}{q.photo && ` · ${t('agro.form.withPhoto')}`}</li>)}</ul>
        )}
        {sent.length > 0 && (
          <ul data-testid="count-sent">
            {sent.map((s) => (
              <li key={s.clientRef} data-state={s.refused ? 'refused' : 'sent'}>
                {s.refused ? t('agro.form.refused', { trap: s.trapName, night: dayMonthYear(s.night), reason: s.refused })
                  : t(s.created ? 'agro.form.sent' : 'agro.form.resent', { trap: s.trapName, night: dayMonthYear(s.night) })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
