import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/Chrome';
import { FollowUpList } from '../../components/FollowUpList';
import { ValueDetail, type ValueRef } from '../../components/ValueDetail';
import { EntryGrid } from './EntryGrid';
import { EntryPickers } from './EntryPickers';
import { checkCell, periodsOf, WHOLE_YEAR, type PeriodType } from './periods';
import { useEntryGrid, useGridEdits } from './useEntryGrid';

export function DataEntryPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<PeriodType>('year');
  const [year, setYear] = useState(new Date().getFullYear());
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [unitId, setUnitId] = useState<number | null>(null);
  const [detail, setDetail] = useState<ValueRef | null>(null);
  const whole = period === WHOLE_YEAR;
  const columns = whole ? periodsOf(type, year) : periodsOf(type, year).filter((p) => p.code === period);
  // Units are those in force at the end of the period shown (of the year, for the whole year).
  const periodEnd = whole ? `${year}-12-31` : (columns[0]?.end ?? `${year}-12-31`);
  const { units, unit, shown, storedValue } = useEntryGrid({ type, columns, periodEnd, unitId });
  const { edits, setEdits, problems, save } = useGridEdits(unit?.id);
  const invalid = Object.entries(edits).filter(([k, v]) => checkCell(shown.find((e) => e.code === k.split('|')[0])?.valueType ?? 'number', v));

  return (
    <section>
      <h1>{t('entry.title')}</h1>
      <FollowUpList />
      <EntryPickers
        type={type} year={year} period={period} unitId={unit?.id ?? null} units={units.data}
        onType={(v) => { setType(v); setPeriod(periodsOf(v, year)[0]!.code); setEdits({}); }}
        onYear={(y) => { setYear(y); setPeriod(whole ? WHOLE_YEAR : periodsOf(type, y)[0]!.code); setEdits({}); }}
        onPeriod={(p) => { setPeriod(p); setEdits({}); }}
        onUnit={(id) => { setUnitId(id); setEdits({}); }}
      />
      {!unit ? <p className="muted">{t('entry.pick')}</p> : (
        <>
          <EntryGrid whole={whole} columns={columns} shown={shown} unit={unit} edits={edits} setEdits={setEdits} problems={problems} storedValue={storedValue} setDetail={setDetail} />
          <div className="row">
            <button className="primary" disabled={!Object.keys(edits).length || invalid.length > 0 || save.isPending} onClick={() => save.mutate()}>{t('entry.save', { count: Object.keys(edits).length })}</button>
            {save.data && <span className="ok" role="status">{t('entry.saved', save.data)}</span>}
          </div>
          <ErrorText error={save.error} />
          {detail && detail.unitId === unit.id && <ValueDetail key={`${detail.element}|${detail.coc}|${detail.period}`} target={detail} onClose={() => setDetail(null)} />}
        </>
      )}
    </section>
  );
}
