import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { connectorKeys, previewConnector, saveConnector, type Connector, type ConnectorInput } from '../../api/connectors';
import { ErrorText } from '../../components/Chrome';
import { BadRows } from './BadRows';

type Target = { field: string; element: string; coc?: string };

const blank: ConnectorInput = {
  nameVi: '', nameEn: '', url: 'https://', format: 'json', jsonPath: '', headers: {}, timeoutSeconds: 10, retries: 2,
  intervalMinutes: 60, staleAfterMinutes: null, active: true, mapping: { unitField: '', periodField: '', values: [{ field: '', element: '' }] },
};

const fromConnector = (c: Connector): ConnectorInput => ({
  nameVi: c.nameVi, nameEn: c.nameEn, url: c.url, format: c.format, jsonPath: c.jsonPath, headers: c.headers, timeoutSeconds: c.timeoutSeconds,
  retries: c.retries, intervalMinutes: c.intervalMinutes, staleAfterMinutes: c.staleAfterMinutes, active: c.active, mapping: c.mapping,
});

/** Creating or editing a connector: its source, schedule and field mapping, with a preview of one pull. */
export function ConnectorForm({ editing, onDone }: { editing?: Connector; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<ConnectorInput>(editing ? fromConnector(editing) : blank);
  const [header, setHeader] = useState<[string, string]>(() => Object.entries(form.headers)[0] ?? ['', '']);
  const set = (patch: Partial<ConnectorInput>) => setForm({ ...form, ...patch });
  const setMapping = (patch: Partial<ConnectorInput['mapping']>) => set({ mapping: { ...form.mapping, ...patch } });
  const setTarget = (i: number, patch: Partial<Target>) => setMapping({ values: form.mapping.values.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const input = (): ConnectorInput => {
    const values = form.mapping.values.map((v) => ({ field: v.field, element: v.element, ...(v.coc ? { coc: v.coc } : {}) }));
    return { ...form, headers: header[0] ? { [header[0]]: header[1] } : {}, mapping: { ...form.mapping, values } };
  };
  const preview = useMutation({ mutationFn: () => previewConnector(input(), editing?.id) });
  const save = useMutation({
    mutationFn: () => saveConnector(input(), editing?.id),
    onSuccess: () => { void client.invalidateQueries({ queryKey: connectorKeys.all }); onDone(); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const num = (v: string) => (v === '' ? 0 : Number(v));
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t(editing ? 'connectors.edit' : 'connectors.new')}>
      <h2>{t(editing ? 'connectors.edit' : 'connectors.new')}</h2>
      <label>{t('connectors.nameVi')}<input value={form.nameVi} onChange={(e) => set({ nameVi: e.target.value })} required /></label>
      <label>{t('connectors.nameEn')}<input value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} required /></label>
      <label>{t('connectors.url')}<input type="url" value={form.url} onChange={(e) => set({ url: e.target.value })} required /></label>
      <label>{t('connectors.format')}
        <select value={form.format} onChange={(e) => set({ format: e.target.value as 'json' | 'csv' })}><option value="json">JSON</option><option value="csv">CSV</option></select>
      </label>
      {form.format === 'json' && <label>{t('connectors.jsonPath')}<input value={form.jsonPath} onChange={(e) => set({ jsonPath: e.target.value })} placeholder="data.items" /></label>}
      <label>{t('connectors.headerName')}<input value={header[0]} onChange={(e) => setHeader([e.target.value, header[1]])} placeholder="X-Api-Key" /></label>
      <label>{t('connectors.headerValue')}<input value={header[1]} onChange={(e) => setHeader([header[0], e.target.value])} autoComplete="off" /></label>
      <label>{t('connectors.interval')}<input type="number" min={5} value={form.intervalMinutes} onChange={(e) => set({ intervalMinutes: num(e.target.value) })} required /></label>
      <label>{t('connectors.staleAfter')}<input type="number" min={5} value={form.staleAfterMinutes ?? ''} onChange={(e) => set({ staleAfterMinutes: e.target.value === '' ? null : num(e.target.value) })} /></label>
      <label>{t('connectors.timeout')}<input type="number" min={1} max={60} value={form.timeoutSeconds} onChange={(e) => set({ timeoutSeconds: num(e.target.value) })} /></label>
      <label>{t('connectors.retries')}<input type="number" min={0} max={5} value={form.retries} onChange={(e) => set({ retries: num(e.target.value) })} /></label>
      <label className="inline"><input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} /> {t('connectors.active')}</label>
      <fieldset><legend>{t('connectors.mapping')}</legend>
        <label>{t('connectors.unitField')}<input value={form.mapping.unitField} onChange={(e) => setMapping({ unitField: e.target.value })} required /></label>
        <label>{t('connectors.periodField')}<input value={form.mapping.periodField} onChange={(e) => setMapping({ periodField: e.target.value })} required /></label>
        {form.mapping.values.map((v, i) => (
          <div className="row wrap" key={i}>
            <label>{t('connectors.valueField')}<input value={v.field} onChange={(e) => setTarget(i, { field: e.target.value })} required /></label>
            <label>{t('connectors.element')}<input value={v.element} onChange={(e) => setTarget(i, { element: e.target.value })} required /></label>
            <label>{t('connectors.coc')}<input value={v.coc ?? ''} onChange={(e) => setTarget(i, { coc: e.target.value })} /></label>
            {form.mapping.values.length > 1 && <button type="button" onClick={() => setMapping({ values: form.mapping.values.filter((_, j) => j !== i) })}>{t('connectors.removeValue')}</button>}
          </div>
        ))}
        <button type="button" onClick={() => setMapping({ values: [...form.mapping.values, { field: '', element: '' }] })}>{t('connectors.addValue')}</button>
      </fieldset>
      <div className="row wrap actions">
        <button type="button" onClick={() => preview.mutate()}>{t('connectors.preview')}</button>
        <button className="primary" type="submit">{t('connectors.save')}</button>
        <button type="button" onClick={onDone}>{t('connectors.cancel')}</button>
      </div>
      <ErrorText error={preview.error ?? save.error} />
      {preview.data && (
        <section aria-label={t('connectors.previewTitle')}>
          <h3>{t('connectors.previewTitle')}</h3>
          <p role="status">{t('connectors.previewCounts', { read: preview.data.rowsRead, good: preview.data.rows.length, bad: preview.data.badRows.length })}</p>
          <div className="table-wrap">
            <table>
              <thead><tr><th>{t('connectors.row')}</th><th>{t('connectors.unit')}</th><th>{t('connectors.period')}</th><th>{t('connectors.element')}</th><th>{t('connectors.value')}</th></tr></thead>
              <tbody>{preview.data.rows.map((r, i) => <tr key={i}><td>{r.row}</td><td>{r.unitCode}</td><td>{r.period}</td><td>{r.element}{r.coc ? ` / ${r.coc}` : ''}</td><td>{r.value}</td></tr>)}</tbody>
            </table>
          </div>
          <BadRows rows={preview.data.badRows} />
        </section>
      )}
    </form>
  );
}
