import type { Db } from '../../../db/database.js';
import { notFound } from '../../../server/errors.js';
import { findDefinition } from '../indicators/index.js';
import { Analytics } from './analytics.js';
import type { AnalyticsQuery } from './schema.js';

/** DHIS2-like analytics: one element or indicator, one unit, several periods, each with its value or null. */
export async function computeSeries(options: { db: Db; query: AnalyticsQuery }): Promise<{ period: string; value: number | null }[]> {
  const { db, query } = options;
  const { element, coc, indicator, orgUnitId, periods } = query;
  const analytics = new Analytics(db);
  let values: (number | null)[];
  if (element) values = await analytics.elementSeries(element, orgUnitId, periods, coc);
  else {
    const definition = await findDefinition(db, indicator!);
    if (!definition) throw notFound('indicator');
    values = await analytics.indicatorSeries(definition, orgUnitId, periods);
  }
  return periods.map((p, i) => ({ period: p.code, value: values[i] ?? null }));
}
