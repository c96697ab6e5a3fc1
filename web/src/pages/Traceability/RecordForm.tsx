import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/Chrome';
import type { CaptureProblem } from '../../api/traceability';
import { dayMonthYear } from '../../dates';
import { useOnline } from '../../offline';
import { useRecordChoices } from './recordChoices';
import { fieldValues, recordDocument, useQueuedRecords } from './recordQueue';
import { STEPS, type FarmField } from './steps';

const UOMS = ['KGM', 'TNE', 'LTR', 'MTQ', 'MTK'];

/** A capture's warning in the farmer's words: a harvest inside a spraying's pre-harvest interval, with its dates. */
export function usePlainWarning() {
  const { t, i18n } = useTranslation();
  return (p: CaptureProblem) => {
    const m = /^(.*) (\d{4}-\d{2}-\d{2}) \+(\d+)d → (\d{4}-\d{2}-\d{2})$/.exec(p.detail);
    if (p.code !== 'pre_harvest_interval' || !m) return p.messages[i18n.language as 'vi' | 'en'] ?? p.message;
    return t('trace.record.intervalWarning', { pesticide: m[1], sprayed: dayMonthYear(m[2]!), days: m[3], allowed: dayMonthYear(m[4]!) });
  };
}

function FieldInput({ field, required, value, onChange }: { field: FarmField; required: boolean; value: string; onChange(v: string): void }) {
  const { t, i18n } = useTranslation();
  const label = i18n.language === 'en' ? field.nameEn : field.nameVi;
  const common = { required, value, 'data-field': field.name, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  if (field.enum || field.name.endsWith('Uom')) {
    const options = field.enum ?? UOMS;
    const word = (o: string) => t(field.enum ? `trace.record.kind.${o}` : `trace.record.uom.${o}`);
    return (
      <label className="block">{label}{required && ' *'}
        <select {...common} style={{ width: '100%' }}><option value="">—</option>{options.map((o) => <option key={o} value={o}>{word(o)}</option>)}</select>
      </label>
    );
  }
  const number = field.type !== 'string';
  return (
    <label className="block">{label}{required && ' *'}
      <input {...common} type={number ? 'number' : 'text'} inputMode={number ? 'decimal' : undefined} step={field.type === 'integer' ? 1 : 'any'}
        min={number ? (field.minimum ?? 0) : undefined} maxLength={number ? undefined : 200} style={{ width: '100%' }} />
    </label>
  );
}

/** The producer's phone form: a lot, a step and its few fields; saved on the phone first, sent when there is signal. */
export function RecordForm() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { choices, error: loadError } = useRecordChoices();
  const { queued, sent, queue } = useQueuedRecords();
  const plain = usePlainWarning();
  const online = useOnline();
  const [lotId, setLotId] = useState('');
  const [placeId, setPlaceId] = useState('');
  const [stepId, setStepId] = useState('');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const lot = choices.lots.find((l) => String(l.lot.id) === lotId);
  const places = useMemo(() => choices.places.filter((p) => !lot || p.producerId === lot.producerId), [choices.places, lot]);
  const step = STEPS.find((s) => s.id === stepId);
  const stepName = (id: string) => { const s = STEPS.find((x) => x.id === id); return s ? (en ? s.nameEn : s.nameVi) : id; };

  function pickLot(id: string) {
    setLotId(id);
    const chosen = choices.lots.find((l) => String(l.lot.id) === id);
    setPlaceId(chosen?.lot.placeId ? String(chosen.lot.placeId) : '');
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    if (!lot) return setError(new Error(t('trace.record.lotRequired')));
    if (!step) return setError(new Error(t('trace.record.stepRequired')));
    const place = places.find((p) => String(p.id) === placeId) ?? null;
    const document = recordDocument({ step, lot: lot.lot, place, fields: fieldValues(step, typed) });
    const name = en && lot.productNameEn ? lot.productNameEn : lot.productName;
    queue({ document, producerId: lot.producerId, lotLabel: `${name} · ${lot.lot.lot}`, stepId: step.id });
    setTyped({});
    setSaved(true);
  }

  return (
    <section className="count-form">
      <h1>{t('trace.record.title')}</h1>
      <p className="small" role="status" data-testid="connection">{online ? t('trace.record.online') : t('trace.record.offline')}</p>
      <form className="card" onSubmit={submit}>
        <label className="block">{t('trace.record.lot')}
          <select required value={lotId} onChange={(e) => pickLot(e.target.value)} style={{ width: '100%' }} data-testid="record-lot">
            <option value="">—</option>
            {choices.lots.map((l) => <option key={l.lot.id} value={l.lot.id}>{(en && l.productNameEn) || l.productName} · {l.lot.lot}</option>)}
          </select>
        </label>
        <label className="block">{t('trace.record.place')}
          <select value={placeId} onChange={(e) => setPlaceId(e.target.value)} style={{ width: '100%' }} data-testid="record-place">
            <option value="">—</option>
            {places.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="block">{t('trace.record.step')}
          <select required value={stepId} onChange={(e) => { setStepId(e.target.value); setTyped({}); }} style={{ width: '100%' }} data-testid="record-step">
            <option value="">—</option>
            <optgroup label={t('trace.record.farmSteps')}>{STEPS.filter((s) => s.kind === 'farm').map((s) => <option key={s.id} value={s.id}>{en ? s.nameEn : s.nameVi}</option>)}</optgroup>
            <optgroup label={t('trace.record.afterHarvest')}>{STEPS.filter((s) => s.kind === 'cbv').map((s) => <option key={s.id} value={s.id}>{en ? s.nameEn : s.nameVi}</option>)}</optgroup>
          </select>
        </label>
        {step && step.fields.length > 0 && (
          <fieldset>
            <legend>{en ? step.nameEn : step.nameVi}</legend>
            {step.fields.map((f) => (
              <FieldInput key={f.name} field={f} required={step.required.includes(f.name)} value={typed[f.name] ?? ''} onChange={(v) => setTyped({ ...typed, [f.name]: v })} />
            ))}
          </fieldset>
        )}
        <p className="small muted">{t('trace.record.now')}</p>
        <button className="primary">{t('trace.record.save')}</button>
        {saved && <p role="status">{online ? t('trace.record.sending') : t('trace.record.savedOffline')}</p>}
        <ErrorText error={error ?? (choices.lots.length ? null : loadError)} />
      </form>
      <div className="card" data-testid="record-queue">
        <h2>{t('trace.record.queue')}</h2>
        {queued.length === 0 ? <p className="muted" data-testid="queue-empty">{t('trace.record.queueEmpty')}</p> : (
          <ul>{queued.map((q) => <li key={q.ref} data-state="queued">{t('trace.record.waiting', { step: stepName(q.stepId), lot: q.lotLabel })}</li>)}</ul>
        )}
        {sent.length > 0 && (
          <ul data-testid="record-sent">
            {sent.map((s) => (
              <li key={s.ref} data-state={s.state}>
                {s.state === 'refused' ? t('trace.record.refused', { step: stepName(s.stepId), lot: s.lotLabel, reason: s.reason })
                  : t(s.state === 'sent' ? 'trace.record.sent' : 'trace.record.resent', { step: stepName(s.stepId), lot: s.lotLabel })}
                {s.warnings.map((w, i) => <p key={i} className="notice" role="alert" data-testid="record-warning">{plain(w)}</p>)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
