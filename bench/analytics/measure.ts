// The four questions, each timed beside the plain GROUP BY that answers it, and whether the answers agree.
import { Analytics, parsePeriod, periodsWithin } from '../../src/core/data/index.js';
import { scorecard } from '../../src/modules/scorecard/index.js';
import { rawCommunesOneYear, rawProvinceByMonth, rawScorecard } from './raw.js';
import { FIRST, type Store } from './store.js';
import { close, measure, measureRaw, time } from './timing.js';

export type Measured = Awaited<ReturnType<typeof measureAll>>;

export async function measureAll(store: Store) {
  const { db, province, indicators, elementIds, communeIds, cocIds } = store;
  const analytics = new Analytics(db);
  const months = periodsWithin({ code: 'x', type: 'year', start: `${FIRST}-01-01`, end: '2024-12-31' }, 'month');
  const lastYear = parsePeriod('2024');
  const indicator = indicators[0]!;
  const pair: [number, number] = [elementIds[0]!, elementIds[1]!];
  const [num] = pair;

  // 1. One indicator for the province, by month over the whole range.
  const q1 = await measure(db, () => analytics.indicatorValues(indicator, months.map((period) => ({ unitId: province.id, period }))));
  const raw1 = await measureRaw(() => rawProvinceByMonth(store, pair, months));

  // 2. One indicator for every commune, for one year.
  const q2 = await measure(db, () => analytics.indicatorValues(indicator, communeIds.map((unitId) => ({ unitId, period: lastYear }))));
  const raw2 = await measureRaw(() => rawCommunesOneYear(store, pair, lastYear));

  // 3. The whole scorecard of the synthetic framework for the province (each indicator by year, status, target).
  const now = new Date('2024-12-31T12:00:00Z');
  const q3 = await measure(db, () => scorecard(db, { framework: 'BENCH', unitId: province.id, asOf: now.toISOString().slice(0, 10) }));
  const raw3 = await measureRaw(() => rawScorecard(store, q3.result.years));
  const ours3 = q3.result.pillars.flatMap((p) => p.indicators).sort((a, b) => a.code.localeCompare(b.code)).map((i) => i.series);

  // 4. The moment a value changes: write one, read the indicator by month and the whole scorecard again. Only the
  // answers about the changed element's year are computed again (data versions per element and year).
  await analytics.indicatorValues(indicator, months.map((period) => ({ unitId: province.id, period }))); // cached again (measuring the scorecard emptied the cache)
  const seriesOf = (card: typeof q3.result) => card.pillars.flatMap((p) => p.indicators).find((i) => i.code === indicator.code)!.series;
  await db.updateTable('data_value').set({ numeric_value: 5000, value: '5000' }).where('element_id', '=', num).where('org_unit_id', '=', communeIds[0]!).where('period', '=', '2024M12').where('coc_id', '=', cocIds[0]!).execute();
  const afterChange = await time(() => analytics.indicatorValues(indicator, months.map((period) => ({ unitId: province.id, period }))));
  const rawAfter = raw1.result; // the raw answer before the change, to show the new one differs
  // Five changes, each followed by the whole scorecard: the median is the figure (one sample is at the mercy of the machine).
  const scorecardAfterRuns: number[] = [];
  let scorecardAfter!: Awaited<ReturnType<typeof time<typeof q3.result>>>;
  for (let k = 0; k < 5; k++) {
    await db.updateTable('data_value').set({ numeric_value: 6000 + k, value: String(6000 + k) }).where('element_id', '=', num).where('org_unit_id', '=', communeIds[0]!).where('period', '=', `2024M0${k + 1}`).where('coc_id', '=', cocIds[0]!).execute();
    scorecardAfter = await time(() => scorecard(db, { framework: 'BENCH', unitId: province.id, asOf: now.toISOString().slice(0, 10) }));
    scorecardAfterRuns.push(scorecardAfter.ms);
  }
  const changed = afterChange.result.at(-1) !== rawAfter.at(-1) && seriesOf(scorecardAfter.result).at(-1) !== seriesOf(q3.result).at(-1)
    && seriesOf(scorecardAfter.result).slice(0, -1).every((v, i) => v === seriesOf(q3.result)[i]);

  const matches = { province_by_month: close(q1.result, raw1.result), communes_one_year: close(q2.result, raw2.result), scorecard: ours3.every((s, i) => close(s, raw3.result[i]!)) };
  const match = Object.values(matches).every(Boolean);
  if (!match) console.log('answers that differ from the raw GROUP BY:', matches, JSON.stringify({ ours: ours3[0], raw: raw3.result[0], q1: q1.result.slice(-3), r1: raw1.result.slice(-3), q2: q2.result.slice(0, 3), r2: raw2.result.slice(0, 3) }));
  return { q1, raw1, q2, raw2, q3, raw3, afterChange, scorecardAfterRuns, changed, match };
}
