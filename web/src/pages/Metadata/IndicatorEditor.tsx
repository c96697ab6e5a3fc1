import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataElement as Element } from '../../api/data-elements';
import { createIndicator, indicatorKeys, indicatorQuery, updateIndicator } from '../../api/indicators';
import { FaultMark, FormulaInput } from './FormulaInput';
import { PILLARS } from './options';
import { SaveRow } from './SaveRow';
import { Targets } from './Targets';
import { useFormulaVerdict } from './useFormulaVerdict';

const emptyIndicator = { code: '', nameVi: '', nameEn: '', numerator: '', denominator: '', factor: 1, pillar: 'government', direction: 'higher', framework: 'NQ07', unitLabel: '', source: '', decimals: 1 };

export function IndicatorEditor({ code, elements, provinceId, onSaved }: { code: string | null; elements: Element[]; provinceId: number | undefined; onSaved(code: string): void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const existing = useQuery({ ...indicatorQuery(code ?? '', provinceId ?? 0), enabled: !!code && !!provinceId });
  const [form, setForm] = useState(emptyIndicator);
  useEffect(() => {
    const d = existing.data;
    setForm(d ? { code: d.code, nameVi: d.nameVi, nameEn: d.nameEn, numerator: d.numerator, denominator: d.denominator === '1' ? '' : d.denominator, factor: d.factor, pillar: d.pillar,
      direction: d.direction, framework: d.framework, unitLabel: d.unitLabel ?? '', source: d.source ?? '', decimals: d.decimals } : emptyIndicator);
  }, [existing.data, code]);
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const verdict = useFormulaVerdict(form.numerator, form.denominator);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        nameVi: form.nameVi, nameEn: form.nameEn, numerator: form.numerator, denominator: form.denominator.trim() || '1', factor: Number(form.factor),
        pillar: form.pillar, direction: form.direction, framework: form.framework, decimals: Number(form.decimals),
        ...(form.unitLabel ? { unitLabel: form.unitLabel } : {}), ...(form.source ? { source: form.source } : {}),
      };
      return code ? updateIndicator(code, body) : createIndicator({ ...body, code: form.code });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: indicatorKeys.all });
      onSaved(code ?? form.code);
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const faultIn = (field: 'numerator' | 'denominator') => (verdict && !verdict.valid && verdict.field === field ? verdict : null);
  return (
    <>
      <form className="card form-grid" onSubmit={submit} aria-label={code ? t('meta.editIndicator', { code }) : t('meta.newIndicator')}>
        <h2 className="wide">{code ? t('meta.editIndicator', { code }) : t('meta.newIndicator')}</h2>
        {!code && <label>{t('meta.code')}<input value={form.code} onChange={(e) => set({ code: e.target.value.toUpperCase() })} required pattern="[A-Z0-9_]{2,60}" /></label>}
        <label>{t('meta.nameVi')}<input value={form.nameVi} onChange={(e) => set({ nameVi: e.target.value })} required /></label>
        <label>{t('meta.nameEn')}<input value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} required /></label>
        <label>{t('meta.framework')}<select value={form.framework} onChange={(e) => set({ framework: e.target.value })}>
          {['NQ07', 'DTI'].map((f) => <option key={f} value={f}>{t(`meta.frameworks.${f}`)}</option>)}
        </select></label>
        <label>{t('meta.pillar')}<select value={form.pillar} onChange={(e) => set({ pillar: e.target.value })}>
          {PILLARS.map((p) => <option key={p} value={p}>{t(`score.pillars.${p}`)}</option>)}
        </select></label>
        <label>{t('meta.direction')}<select value={form.direction} onChange={(e) => set({ direction: e.target.value })}>
          <option value="higher">{t('meta.higher')}</option><option value="lower">{t('meta.lower')}</option>
        </select></label>
        <FormulaInput label={t('meta.numerator')} value={form.numerator} onChange={(numerator) => set({ numerator })} elements={elements} />
        {faultIn('numerator') && <FaultMark source={form.numerator} position={faultIn('numerator')!.position} />}
        <FormulaInput label={t('meta.denominator')} value={form.denominator} onChange={(denominator) => set({ denominator })} elements={elements} />
        {faultIn('denominator') && <FaultMark source={form.denominator} position={faultIn('denominator')!.position} />}
        <p className={`wide ${verdict === null ? '' : verdict.valid ? 'ok' : 'error'}`} role="status" aria-live="polite" data-testid="formula-verdict">
          {verdict === null ? '' : verdict.valid ? t('meta.formulaOk') : verdict.messages[i18n.language] ?? verdict.messages.vi}
        </p>
        <label>{t('meta.factor')}<input type="number" step="any" min={0} value={form.factor} onChange={(e) => set({ factor: Number(e.target.value) })} /></label>
        <label>{t('meta.decimals')}<input type="number" min={0} max={6} value={form.decimals} onChange={(e) => set({ decimals: Number(e.target.value) })} /></label>
        <label>{t('meta.unitLabel')}<input value={form.unitLabel} onChange={(e) => set({ unitLabel: e.target.value })} /></label>
        <label className="wide">{t('score.source')}<input value={form.source} onChange={(e) => set({ source: e.target.value })} /></label>
        <SaveRow result={save} error={existing.error} disabled={verdict?.valid === false} />
      </form>
      {code && provinceId && <Targets code={code} provinceId={provinceId} />}
    </>
  );
}
