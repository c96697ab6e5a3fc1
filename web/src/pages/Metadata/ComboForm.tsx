import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryComboKeys, createCategoryCombo } from '../../api/category-combos';
import { SaveRow } from './SaveRow';

/** Categories typed as lines "CODE | Tên tiếng Việt | English name", the way an officer lists options on paper. */
export function ComboForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({ code: '', nameVi: '', nameEn: '', categories: [{ code: '', nameVi: '', nameEn: '', options: '' }] });
  const editCategory = (i: number, change: Partial<(typeof form.categories)[number]>) => setForm({ ...form, categories: form.categories.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  const save = useMutation({
    mutationFn: () => createCategoryCombo({
      code: form.code, nameVi: form.nameVi, nameEn: form.nameEn,
      categories: form.categories.map((c) => ({
        code: c.code, nameVi: c.nameVi, nameEn: c.nameEn,
        options: c.options.split('\n').map((line) => line.split('|').map((x) => x.trim())).filter((p) => p[0]).map(([code, vi, en]) => ({ code: code!, nameVi: vi || code!, nameEn: en || vi || code! })),
      })),
    }),
    onSuccess: () => void client.invalidateQueries({ queryKey: categoryComboKeys.all }),
  });
  const combinations = form.categories.reduce((n, c) => n * Math.max(1, c.options.split('\n').filter((l) => l.trim()).length), 1);
  return (
    <form className="card form-grid" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={t('meta.newCombo')}>
      <h2 className="wide">{t('meta.newCombo')}</h2>
      <label>{t('meta.code')}<input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} required /></label>
      <label>{t('meta.nameVi')}<input value={form.nameVi} onChange={(e) => setForm({ ...form, nameVi: e.target.value })} required /></label>
      <label>{t('meta.nameEn')}<input value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} required /></label>
      {form.categories.map((c, i) => (
        <fieldset key={i} className="wide"><legend>{t('meta.category')} {i + 1}</legend>
          <label>{t('meta.code')}<input value={c.code} onChange={(e) => editCategory(i, { code: e.target.value.toUpperCase() })} required /></label>
          <label>{t('meta.nameVi')}<input value={c.nameVi} onChange={(e) => editCategory(i, { nameVi: e.target.value })} required /></label>
          <label>{t('meta.nameEn')}<input value={c.nameEn} onChange={(e) => editCategory(i, { nameEn: e.target.value })} required /></label>
          <label className="wide">{t('meta.options')}<textarea rows={4} className="mono" value={c.options} placeholder={'FEMALE | Nữ | Female\nMALE | Nam | Male'} onChange={(e) => editCategory(i, { options: e.target.value })} /></label>
        </fieldset>
      ))}
      <SaveRow result={save}>
        {form.categories.length < 4 && <button type="button" onClick={() => setForm({ ...form, categories: [...form.categories, { code: '', nameVi: '', nameEn: '', options: '' }] })}>{t('meta.addCategory')}</button>}
        <span className="muted">{t('meta.willCreate', { count: combinations })}</span>
      </SaveRow>
    </form>
  );
}
