import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { ApiError } from '../../api/client';
import { dataElementsQuery } from '../../api/data-elements';
import { dataValueKeys, valueSetQuery, writeValues, type ValueProblem } from '../../api/data-values';
import { entryUnitsQuery } from '../../api/org-units';
import type { PeriodType } from './periods';

/** A cell of the grid: element, disaggregation and period. */
export const cellKey = (element: string, coc: string, p: string) => `${element}|${coc}|${p}`;

/** What the grid reads: the units the user may enter for, the elements of the period type, and their stored figures. */
export function useEntryGrid({ type, columns, periodEnd, unitId }: { type: PeriodType; columns: { code: string }[]; periodEnd: string; unitId: number | null }) {
  const { me } = useAuth();
  const scoped = me?.user.role === 'officer' || me?.user.role === 'reviewer';
  const units = useQuery(entryUnitsQuery(periodEnd, scoped ? me!.user.orgUnitId : null));
  // An officer's only unit is chosen for it.
  const unit = units.data?.find((u) => u.id === unitId) ?? (units.data?.length === 1 ? units.data[0]! : null);
  const elements = useQuery(dataElementsQuery());
  // The server's rule, shown: only what this unit's level reports, never what the platform computes.
  const shown = useMemo(() => (elements.data ?? []).filter((e) => e.periodTypes.includes(type) && e.valueType !== 'text' && !e.computed
    && (!e.reportedBy || !unit || e.reportedBy.includes(unit.level))), [elements.data, type, unit]);
  const stored = useQuery({
    ...valueSetQuery(unit?.code ?? '', columns.map((c) => c.code), shown.map((e) => e.code)),
    enabled: Boolean(unit) && shown.length > 0 && columns.length > 0,
  });
  const storedValue = (element: string, coc: string, p: string) => stored.data?.dataValues.find((v) => v.dataElement === element && v.categoryOptionCombo === coc && v.period === p);
  return { units, unit, shown, storedValue };
}

/** The edits typed into the grid, saved together; a refused row is shown at its cell in the reader's language. */
export function useGridEdits(unitId: number | undefined) {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async () => {
      const changed = Object.entries(edits).map(([k, value]) => {
        const [element, coc, p] = k.split('|') as [string, string, string];
        return { k, row: { element, orgUnitId: unitId!, period: p, ...(coc !== 'default' ? { coc } : {}), value: value.trim() === '' ? null : value.trim().replace(',', '.') } };
      });
      try {
        return await writeValues(changed.map((c) => c.row));
      } catch (err) {
        if (err instanceof ApiError && Array.isArray(err.details)) {
          const list = err.details as ValueProblem[];
          setProblems(Object.fromEntries(list.map((p) => [changed[p.row]!.k, i18n.language === 'vi' ? p.vi : p.en])));
        }
        throw err;
      }
    },
    onSuccess: () => {
      setEdits({});
      setProblems({});
      void client.invalidateQueries({ queryKey: dataValueKeys.sets() });
    },
  });
  return { edits, setEdits, problems, save };
}
