import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { followUpQuery, type Flagged } from '../api/data-values';
import { ValueDetail, type ValueRef } from './ValueDetail';

/** The figures flagged for follow-up in the reader's units, newest first; each opens to be checked and cleared. */
export function FollowUpList() {
  const { t, i18n } = useTranslation();
  const flagged = useQuery(followUpQuery());
  const [open, setOpen] = useState<ValueRef | null>(null);
  if (!flagged.data?.length) return null;
  const name = (f: Flagged) => (i18n.language === 'vi' ? f.elementNameVi : f.elementNameEn);
  return (
    <details className="card" data-testid="follow-up">
      <summary><strong>{t('entry.flagged', { count: flagged.data.length })}</strong></summary>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('entry.element')}</th><th>{t('entry.unit')}</th><th>{t('entry.period')}</th><th className="num">{t('entry.value')}</th><th>{t('entry.comment')}</th></tr></thead>
          <tbody>
            {flagged.data.map((f) => (
              <tr key={f.id}>
                <td><button type="button" className="link" onClick={() => setOpen({ element: f.element, elementName: name(f), coc: f.coc, period: f.period, unitId: f.orgUnitId })}>{name(f)}</button></td>
                <td>{f.orgUnitName}</td>
                <td>{f.period}</td>
                <td className="num">{f.value}</td>
                <td className="muted small">{f.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <ValueDetail key={`${open.element}|${open.coc}|${open.period}|${open.unitId}`} target={open} onClose={() => setOpen(null)} />}
    </details>
  );
}
