import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { regimeQuery, regimesQuery, reportingKeys, saveRegime } from '../api/reporting';
import { ErrorText } from '../components/Chrome';
import { FormBuilder, type BuilderForm } from '../components/FormBuilder';

/** The regime editor: every field Decree 09 asks for, and the form as JSON (checked by the server, versioned). */
function RegimeEditor({ code, onSaved }: { code: string; onSaved(): void }) {
  const { t } = useTranslation();
  const regime = useQuery(regimeQuery(code));
  const [draft, setDraft] = useState<Record<string, string | boolean>>({});
  const [formText, setFormText] = useState('');
  const [form, setForm] = useState<BuilderForm | null>(null);
  const [asJson, setAsJson] = useState(false);
  useEffect(() => {
    const r = regime.data;
    if (!r) return;
    setDraft({ nameVi: r.name_vi, nameEn: r.name_en, content: r.content, unitType: r.reporting_unit_type ?? '', sendingMethod: r.sending_method, legalBasis: r.legal_basis ?? '', guidance: r.guidance ?? '', electronic: r.electronic, deadline: JSON.stringify(r.deadline_rule) });
    setFormText(JSON.stringify(r.form.definition, null, 2));
    setForm(r.form.definition as BuilderForm);
  }, [regime.data]);
  const save = useMutation({
    mutationFn: async () => {
      const r = regime.data!;
      let definition: unknown;
      let deadline: unknown;
      try {
        definition = asJson ? JSON.parse(formText) : form;
        deadline = JSON.parse(String(draft.deadline));
      } catch {
        throw new Error(t('rep.badJson'));
      }
      return saveRegime(code, {
        code, nameVi: draft.nameVi, nameEn: draft.nameEn, kind: r.kind, content: draft.content, reportingLevel: r.reporting_level, reportingUnitIds: r.reporting_unit_ids, reportingUnitType: String(draft.unitType ?? '').trim() || null,
        receivingUnitCode: '92', sendingMethod: draft.sendingMethod, frequency: r.frequency, basis: r.period_basis, deadline, guidance: draft.guidance || null,
        legalBasis: draft.legalBasis || null, electronic: draft.electronic, form: definition,
      });
    },
    onSuccess: onSaved,
  });
  if (!regime.data) return <ErrorText error={regime.error} />;
  const field = (k: string, label: string, rows = 1) => (
    <label key={k}>{label}{rows > 1
      ? <textarea rows={rows} value={String(draft[k] ?? '')} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
      : <input value={String(draft[k] ?? '')} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />}</label>
  );
  return (
    <section className="card" aria-label={t('rep.regimeEditor')}>
      <h2>{code} <small className="muted">{t('rep.formVersion', { v: regime.data.form.version })}</small></h2>
      {field('nameVi', 'Tên (tiếng Việt)')}
      {field('nameEn', 'Name (English)')}
      {field('content', t('rep.content'), 3)}
      {field('unitType', t('rep.unitType'))}
      {field('sendingMethod', t('rep.sendingMethod'))}
      {field('deadline', t('rep.deadlineRule'))}
      {field('legalBasis', t('rep.legalBasis'))}
      {field('guidance', t('rep.guidance'), 3)}
      <label className="inline"><input type="checkbox" checked={Boolean(draft.electronic)} onChange={(e) => setDraft({ ...draft, electronic: e.target.checked })} /> {t('rep.electronic')}</label>
      <label className="inline"><input type="checkbox" checked={asJson} onChange={(e) => { if (e.target.checked) setFormText(JSON.stringify(form, null, 2)); else { try { setForm(JSON.parse(formText) as BuilderForm); } catch { /* keep the builder's form */ } } setAsJson(e.target.checked); }} /> {t('rep.formJson')}</label>
      {asJson ? <textarea rows={16} className="mono" aria-label={t('rep.formJson')} value={formText} onChange={(e) => setFormText(e.target.value)} />
        : form && <FormBuilder form={form} frequency={regime.data.frequency} onChange={setForm} />}
      <button className="primary" onClick={() => save.mutate()}>{t('rep.save')}</button>
      {save.data && <p className="ok" role="status">{t('rep.saved', { v: save.data.formVersion })}</p>}
      <ErrorText error={save.error} />
    </section>
  );
}

export function ReportRegimesPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery(regimesQuery());
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section>
      <h1>{t('rep.regimes')}</h1>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('rep.regime')}</th><th>{t('rep.frequency')}</th><th>{t('rep.deadlineRule')}</th><th>{t('rep.electronic')}</th><th /></tr></thead>
          <tbody>
            {list.data?.map((r) => (
              <tr key={r.code}>
                <td>{i18n.language === 'vi' ? r.nameVi : r.nameEn}{r.demo && <small className="muted"> · {t('rep.demo')}</small>}</td>
                <td>{t(`rep.frequencies.${r.frequency}`)}</td>
                <td>{r.deadline.kind === 'working_days_after_cutoff' ? t('rep.workingDaysAfter', { n: r.deadline.days }) : t('rep.dayOfMonth', { n: r.deadline.day })}</td>
                <td>{r.electronic ? '✓' : '—'}</td>
                <td><button className="link" onClick={() => setEditing(r.code)}>{t('rep.edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && <RegimeEditor key={editing} code={editing} onSaved={() => void client.invalidateQueries({ queryKey: reportingKeys.regimes() })} />}
      <ErrorText error={list.error} />
    </section>
  );
}
