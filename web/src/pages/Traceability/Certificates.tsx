import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addCertificate, certificatesQuery, evidenceUrl, traceKeys } from '../../api/traceability';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear, vnToday } from '../../dates';
import { SCHEMES, useCodeName } from './common';

const EMPTY = { scheme: 'vietgap', number: '', issuer: '', validFrom: '', validTo: '' };

/** The producer's certificates (VietGAP, organic, OCOP…), with the scanned evidence of each. */
export function Certificates({ producerId }: { producerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const codeName = useCodeName();
  const client = useQueryClient();
  const list = useQuery(certificatesQuery(producerId));
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [evidence, setEvidence] = useState<File | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = useMutation({
    mutationFn: () => addCertificate(producerId, { ...form, number: form.number.trim(), issuer: form.issuer.trim() }, evidence),
    onSuccess: () => { setOpen(false); setForm(EMPTY); setEvidence(null); void client.invalidateQueries({ queryKey: traceKeys.certificates(producerId) }); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const today = vnToday();
  return (
    <div className="card" data-testid="certificates">
      <div className="row wrap"><h2>{t('trace.certificates.title')}</h2><span className="spacer" />
        {can('trace.capture') && <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('trace.certificates.add')}</button>}
      </div>
      {open && (
        <form onSubmit={submit} className="form-grid">
          <label className="block">{t('trace.certificates.scheme')}
            <select value={form.scheme} onChange={set('scheme')} style={{ width: '100%' }}>{SCHEMES.map((s) => <option key={s.code} value={s.code}>{codeName(SCHEMES, s.code)}</option>)}</select>
          </label>
          <label className="block">{t('trace.certificates.number')}<input required maxLength={100} value={form.number} onChange={set('number')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.certificates.issuer')}<input required maxLength={200} value={form.issuer} onChange={set('issuer')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.certificates.validFrom')}<input type="date" required value={form.validFrom} onChange={set('validFrom')} /></label>
          <label className="block">{t('trace.certificates.validTo')}<input type="date" required min={form.validFrom || undefined} value={form.validTo} onChange={set('validTo')} /></label>
          <label className="block">{t('trace.certificates.evidence')}
            <input type="file" name="evidence" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setEvidence(e.target.files?.[0] ?? null)} />
          </label>
          <div className="wide"><button className="primary" disabled={save.isPending}>{t('trace.save')}</button></div>
        </form>
      )}
      <ErrorText error={list.error ?? save.error} />
      {list.data && (list.data.length === 0 ? <p className="muted">{t('trace.certificates.none')}</p> : (
        <ul>
          {list.data.map((c) => (
            <li key={c.id}>
              <b>{codeName(SCHEMES, c.scheme)}</b> {c.number} · {c.issuer} · {dayMonthYear(c.validFrom)} – {dayMonthYear(c.validTo)}
              {c.validTo < today && <span className="badge loss"> {t('trace.certificates.expired')}</span>}
              {c.evidenceName && <> · <a href={evidenceUrl(c.id)} download={c.evidenceName}>{t('trace.certificates.download')}</a></>}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
