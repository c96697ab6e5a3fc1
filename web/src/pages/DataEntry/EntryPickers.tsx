import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/org-units';
import { PERIOD_TYPES, periodsOf, WHOLE_YEAR, type PeriodType } from './periods';

/** What the grid shows: a type of period, a year, one period of it or the whole year, and a unit. */
export function EntryPickers({ type, year, period, unitId, units, onType, onYear, onPeriod, onUnit }: {
  type: PeriodType; year: number; period: string; unitId: number | null; units: Unit[] | undefined;
  onType(type: PeriodType): void; onYear(year: number): void; onPeriod(period: string): void; onUnit(id: number): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row wrap card">
      <label>{t('entry.periodType')}
        <select value={type} onChange={(e) => onType(e.target.value as PeriodType)}>
          {PERIOD_TYPES.map((p) => <option key={p} value={p}>{t(`entry.types.${p}`)}</option>)}
        </select>
      </label>
      <label>{t('entry.year')}
        <input type="number" min={2000} max={2100} value={year} onChange={(e) => onYear(Number(e.target.value))} />
      </label>
      {type !== 'year' && (
        <label>{t('entry.period')}
          <select value={period} onChange={(e) => onPeriod(e.target.value)}>
            {periodsOf(type, year).map((p) => <option key={p.code} value={p.code}>{p.code}</option>)}
            <option value={WHOLE_YEAR}>{t('entry.wholeYear', { year, count: periodsOf(type, year).length })}</option>
          </select>
        </label>
      )}
      <label>{t('entry.unit')}
        <select name="unit" value={unitId ?? ''} onChange={(e) => onUnit(Number(e.target.value))}>
          <option value="" disabled>—</option>
          {units?.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.code})</option>)}
        </select>
      </label>
    </div>
  );
}
