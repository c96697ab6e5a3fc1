import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Combo } from '../../api/category-combos';
import { createDataElement, dataElementKeys, updateDataElement, type DataElement as Element } from '../../api/data-elements';
import { ElementForm, emptyElement } from './ElementForm';
import { ElementTable } from './ElementTable';
import { useReveal } from '../../components/useReveal';

/** The data elements: the list beside the form of the one picked (or a new one). */
export function Elements({ elements, combos }: { elements: Element[]; combos: Combo[] }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [picks, setPicks] = useState(0);
  const formRef = useReveal<HTMLDivElement>(picks || null);
  const [form, setForm] = useState(emptyElement);
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  const pick = (el: Element | null) => {
    setEditing(el?.code ?? null);
    setPicks(picks + 1);
    setForm(el ? { code: el.code, nameVi: el.nameVi, nameEn: el.nameEn, valueType: el.valueType, aggUnits: el.aggUnits, aggTime: el.aggTime, unit: el.unit ?? '', periodTypes: el.periodTypes, categoryCombo: el.categoryCombo, source: '' } : emptyElement);
  };
  const save = useMutation({
    mutationFn: () => editing
      ? updateDataElement(editing, {
        nameVi: form.nameVi, nameEn: form.nameEn, unit: form.unit, periodTypes: form.periodTypes, valueType: form.valueType, aggUnits: form.aggUnits, aggTime: form.aggTime,
        ...(form.source ? { source: form.source } : {}),
      })
      : createDataElement({ ...form, unit: form.unit || undefined, source: form.source || undefined }),
    // Every screen reading the catalogue reads it under this one key, so the data-entry grid sees the edit too.
    onSuccess: () => void client.invalidateQueries({ queryKey: dataElementKeys.all }),
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <div className="split">
      <ElementTable elements={elements} editing={editing} pick={pick} />
      <div ref={formRef}><ElementForm form={form} set={set} editing={editing} combos={combos} save={save} submit={submit} /></div>
    </div>
  );
}
