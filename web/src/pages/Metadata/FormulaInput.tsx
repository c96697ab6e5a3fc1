import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataElement as Element } from '../../api/data-elements';

/** The formula with the character at fault marked, so the eye finds it at once. */
export function FaultMark({ source, position }: { source: string; position: number }) {
  const at = Math.max(0, position - 1);
  return (
    <code className="formula-fault" data-testid="formula-fault">
      {source.slice(0, at)}<mark>{source.slice(at, at + 1) || '␣'}</mark>{source.slice(at + 1)}
    </code>
  );
}

/** A formula field with a list of data elements to insert as #{CODE} where the cursor stands. */
export function FormulaInput({ label, value, onChange, elements }: { label: string; value: string; onChange(v: string): void; elements: Element[] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (code: string) => {
    if (!code) return;
    const at = ref.current?.selectionStart ?? value.length;
    onChange(`${value.slice(0, at)}#{${code}}${value.slice(at)}`);
  };
  return (
    <label className="wide">{label}
      <textarea ref={ref} rows={2} className="mono" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      <select aria-label={`${label}: ${t('meta.insertElement')}`} value="" onChange={(e) => insert(e.target.value)}>
        <option value="">{t('meta.insertElement')}</option>
        {elements.flatMap((el) => [
          <option key={el.code} value={el.code}>{el.code} — {i18n.language === 'vi' ? el.nameVi : el.nameEn}</option>,
          ...el.disaggregations.filter((d) => d.code !== 'default').map((d) => (
            <option key={`${el.code}.${d.code}`} value={`${el.code}.${d.code}`}>{'  '}{el.code}.{d.code} — {i18n.language === 'vi' ? d.nameVi : d.nameEn}</option>
          )),
        ])}
      </select>
    </label>
  );
}
