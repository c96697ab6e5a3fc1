import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../api/data-elements';
import type { SetValue } from '../../api/data-values';
import type { Unit } from '../../api/org-units';
import type { ValueRef } from '../../components/ValueDetail';
import { checkCell, shortLabel } from './periods';
import { cellKey } from './useEntryGrid';

/**
 * One row per element and disaggregation, one column per period shown (or the value and what is stored, for one
 * period); a stored figure opens its details from its cell.
 */
export function EntryGrid({ whole, columns, shown, unit, edits, setEdits, problems, storedValue, setDetail }: {
  whole: boolean; columns: { code: string }[]; shown: DataElement[]; unit: Unit;
  edits: Record<string, string>; setEdits(edits: Record<string, string>): void; problems: Record<string, string>;
  storedValue(element: string, coc: string, period: string): SetValue | undefined; setDetail(detail: ValueRef): void;
}) {
  const { t, i18n } = useTranslation();
  const name = (x: { nameVi: string; nameEn: string }) => (i18n.language === 'vi' ? x.nameVi : x.nameEn);
  return (
    <div className="table-wrap">
      <table className={whole ? 'entry whole' : 'entry'}>
        <thead><tr>
          <th>{t('entry.element')}</th><th>{t('entry.disaggregation')}</th>
          {whole ? columns.map((p) => <th key={p.code} className="num" title={p.code}>{shortLabel(p.code, t)}</th>) : <><th>{t('entry.value')}</th><th>{t('entry.stored')}</th></>}
        </tr></thead>
        <tbody>
          {shown.flatMap((e) => (e.disaggregations.length ? e.disaggregations : [{ code: 'default', nameVi: '', nameEn: '' }]).map((d) => {
            const cells = columns.map((p) => {
              const k = cellKey(e.code, d.code, p.code);
              const clientProblem = k in edits ? checkCell(e.valueType, edits[k]!) : null;
              const kept = storedValue(e.code, d.code, p.code);
              return { p, k, kept, value: edits[k] ?? kept?.value ?? '', problem: clientProblem ? t(`entry.invalid.${clientProblem}`) : problems[k] };
            });
            const rowProblem = cells.some((c) => c.problem);
            const label = `${name(e)}${d.code === 'default' ? '' : ` – ${name(d)}`}`;
            return (
              <tr key={`${e.code}|${d.code}`} className={rowProblem ? 'invalid' : cells.some((c) => c.k in edits) ? 'changed' : undefined}>
                <td>{name(e)} <small className="muted">{i18n.language === 'vi' ? e.unit : e.unitEn}</small></td>
                <td>{d.code === 'default' ? '' : name(d)}</td>
                {cells.map((c) => (
                  <td key={c.p.code} className={c.k in edits ? 'edited' : undefined}>
                    <input aria-label={whole ? `${e.code} ${d.code} ${c.p.code}` : `${e.code} ${d.code}`} inputMode="decimal" value={c.value}
                      onChange={(ev) => setEdits({ ...edits, [c.k]: ev.target.value })} aria-invalid={Boolean(c.problem)} />
                    {c.kept && (
                      <button type="button" className={`cell-info${c.kept.followup ? ' flagged' : ''}`}
                        aria-label={t('entry.detailOf', { name: label, period: c.p.code })} title={c.kept.comment ?? undefined}
                        onClick={() => setDetail({ element: e.code, elementName: label, coc: d.code, period: c.p.code, unitId: unit.id })}>
                        {c.kept.followup ? '⚑' : c.kept.comment ? '✎' : 'ⓘ'}
                      </button>
                    )}
                    {c.problem && <div className="error small">{c.problem}</div>}
                  </td>
                ))}
                {!whole && <td className="muted small">{cells[0]?.kept?.value ?? ''}</td>}
              </tr>
            );
          }))}
        </tbody>
      </table>
    </div>
  );
}
