import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { entryUnitsQuery, type Unit } from '../api/org-units';
import { useAuth } from '../auth';

const LEVELS: Unit['level'][] = ['province', 'district', 'commune', 'department'];

/** The unit a user's screens are scoped to: none for those who see every unit (administrators and leaders). */
export function useScopeUnit(): number | null {
  const { me } = useAuth();
  if (!me) return null;
  return me.user.role === 'admin' || me.user.role === 'leader' ? null : me.user.orgUnitId;
}

/**
 * The as-of day and the unit of a screen: the units in force on that day within the user's scope, by level. The
 * unit shown is always offered, so the list never hides where the screen stands.
 */
export function UnitPicker({ asOf, onAsOf, unit, onUnit }: { asOf: string; onAsOf(day: string): void; unit: Unit; onUnit(id: number): void }) {
  const { t } = useTranslation();
  const scope = useScopeUnit();
  const units = useQuery(entryUnitsQuery(asOf, scope));
  const listed = units.data ?? [];
  const all = listed.some((u) => u.id === unit.id) ? listed : [unit, ...listed];
  return (
    <span className="row wrap unit-picker" role="group" aria-label={t('unitPicker.unit')}>
      <label>
        {t('unitPicker.asOf')}{' '}
        <input type="date" value={asOf} required onChange={(e) => e.target.value && onAsOf(e.target.value)} data-testid="as-of" />
      </label>
      <label>
        {t('unitPicker.unit')}{' '}
        <select value={unit.id} onChange={(e) => onUnit(Number(e.target.value))} data-testid="unit-picker">
          {LEVELS.map((level) => {
            const of = all.filter((u) => u.level === level);
            return of.length ? (
              <optgroup key={level} label={t(`levels.${level}`)}>
                {of.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </optgroup>
            ) : null;
          })}
        </select>
      </label>
    </span>
  );
}
