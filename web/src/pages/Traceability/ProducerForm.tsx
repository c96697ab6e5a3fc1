import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { entryUnitsQuery } from '../../api/org-units';
import { registerProducer, traceKeys, updateProducer, type Producer, type ProducerInput, type ProducerKind } from '../../api/traceability';
import { ErrorText } from '../../components/Chrome';
import { useScopeUnit } from '../../components/UnitPicker';
import { vnToday } from '../../dates';
import { orNull, useIsProducer } from './common';

const KINDS: ProducerKind[] = ['cooperative', 'household', 'enterprise'];

/**
 * The units a producer may sit in: the communes (and wards) of the user's scope, the current one always listed. A
 * producer's account is refused the units' routes: it is offered the current unit only.
 */
export function UnitSelect({ value, onChange, testId, current }: { value: string; onChange(v: string): void; testId?: string; current?: { id: number; name: string } }) {
  const producer = useIsProducer();
  const units = useQuery({ ...entryUnitsQuery(vnToday(), useScopeUnit()), enabled: !producer });
  const communes = (units.data ?? []).filter((u) => u.level === 'commune');
  const listed = current && !communes.some((u) => u.id === current.id) ? [current, ...communes] : communes;
  return (
    <select required value={value} onChange={(e) => onChange(e.target.value)} style={{ width: '100%' }} data-testid={testId}>
      <option value="">—</option>
      {listed.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
    </select>
  );
}

/** Registers a producer (pending until a reviewer verifies it), or edits one's profile. */
export function ProducerForm({ producer, onDone }: { producer?: Producer; onDone(p: Producer | null): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({
    kind: producer?.kind ?? 'cooperative', name: producer?.name ?? '', taxCode: producer?.taxCode ?? '', gln: producer?.gln ?? '', address: producer?.address ?? '',
    unitId: producer ? String(producer.unitId) : '', phone: producer?.phone ?? '', website: producer?.website ?? '', description: producer?.description ?? '',
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const locked = useIsProducer() && producer?.status === 'verified';
  const save = useMutation({
    mutationFn: () => {
      const input: ProducerInput = {
        kind: form.kind as ProducerKind, name: form.name.trim(), taxCode: orNull(form.taxCode), gln: orNull(form.gln), address: form.address.trim(),
        unitId: Number(form.unitId), phone: orNull(form.phone), website: orNull(form.website), description: form.description.trim(),
      };
      if (!producer) return registerProducer(input);
      // Only what changed: a verified producer's own account may not touch its unit, tax code or GLN, even unchanged.
      const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => (producer[k as keyof Producer] ?? null) !== (v ?? null)));
      return updateProducer(producer.id, changed);
    },
    onSuccess: (p) => { void client.invalidateQueries({ queryKey: traceKeys.all }); onDone(p); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form className="card" onSubmit={submit} data-testid="producer-form">
      <h2>{t(producer ? 'trace.producer.edit' : 'trace.producers.register')}</h2>
      <div className="form-grid">
        <label className="block">{t('trace.producer.kind')}
          <select value={form.kind} onChange={set('kind')} style={{ width: '100%' }}>{KINDS.map((k) => <option key={k} value={k}>{t(`trace.kind.${k}`)}</option>)}</select>
        </label>
        <label className="block">{t('trace.producer.name')}<input required maxLength={200} value={form.name} onChange={set('name')} style={{ width: '100%' }} /></label>
        <label className="block">{t('trace.producer.taxCode')}<input value={form.taxCode} disabled={locked} onChange={set('taxCode')} placeholder="0301234567" style={{ width: '100%' }} /></label>
        <label className="block">{t('trace.producer.gln')}<input value={form.gln} disabled={locked} onChange={set('gln')} inputMode="numeric" style={{ width: '100%' }} /></label>
        <label className="block wide">{t('trace.producer.address')}<input required maxLength={300} value={form.address} onChange={set('address')} style={{ width: '100%' }} /></label>
        <label className="block">{t('trace.producer.unit')}<UnitSelect value={form.unitId} onChange={(v) => setForm({ ...form, unitId: v })} testId="producer-unit"
          current={producer && { id: producer.unitId, name: producer.unitName }} /></label>
        <label className="block">{t('trace.producer.phone')}<input type="tel" value={form.phone} onChange={set('phone')} style={{ width: '100%' }} /></label>
        <label className="block">{t('trace.producer.website')}<input type="url" value={form.website} onChange={set('website')} style={{ width: '100%' }} /></label>
        <label className="block wide">{t('trace.producer.description')}<textarea rows={3} maxLength={2000} value={form.description} onChange={set('description')} style={{ width: '100%' }} /></label>
      </div>
      <div className="row wrap">
        <button className="primary" disabled={save.isPending}>{t(producer ? 'trace.save' : 'trace.producers.registerSubmit')}</button>
        <button type="button" onClick={() => onDone(null)}>{t('trace.cancel')}</button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}
