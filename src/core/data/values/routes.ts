import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../server/errors.js';
import { assertUnitInScope, scopeUnitIds } from '../../access/index.js';
import { VALUE_POLICY } from './policy.js';
import { findValueUnit, listFollowUps, listHistory, listUnitValues } from './repo.js';
import {
  ZDryRunQuery, ZFollowUpQuery, ZFollowUpValue, ZHistoryEntry, ZStoredValue, ZValueParams, ZValuesQuery, ZWriteSummary, ZWriteValuesBody,
} from './schema.js';
import { assertNoProblems, writeValues } from './values.js';

/** /api/data-values: values as people enter and check them (machines exchange them through /api/dataValueSets). */
export async function valueRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['data'];

  /** Values flagged for follow-up, within the caller's units, newest first. */
  app.get('/api/data-values/follow-up', {
    config: { access: VALUE_POLICY.read }, schema: { tags, querystring: ZFollowUpQuery, response: { 200: z.array(ZFollowUpValue) } },
  }, async (request) => listFollowUps(db, await scopeUnitIds(db, request.user!), request.query.limit));

  app.get('/api/data-values', {
    config: { access: VALUE_POLICY.read }, schema: { tags, querystring: ZValuesQuery, response: { 200: z.array(ZStoredValue) } },
  }, async (request) => {
    await assertUnitInScope(db, request.user!, request.query.orgUnitId, 'orgUnitId');
    return listUnitValues(db, request.query);
  });

  app.get('/api/data-values/:id/history', {
    config: { access: VALUE_POLICY.read }, schema: { tags, params: ZValueParams, response: { 200: z.array(ZHistoryEntry) } },
  }, async (request) => {
    const value = await findValueUnit(db, request.params.id);
    if (!value) throw notFound('id');
    await assertUnitInScope(db, request.user!, value.org_unit_id, 'id');
    return listHistory(db, value.id);
  });

  /** Sets values (null deletes), all or nothing: a 400 lists every refused row. `dryRun` checks and counts only. */
  app.post('/api/data-values', {
    config: { access: VALUE_POLICY.write },
    bodyLimit: 10 * 1024 * 1024,
    schema: { tags, querystring: ZDryRunQuery, body: ZWriteValuesBody, response: { 200: ZWriteSummary } },
  }, async (request) => {
    const summary = await writeValues(db, request.user!, request.body.values, { kind: 'manual', ref: null }, { dryRun: request.query.dryRun === 'true', request });
    assertNoProblems(summary);
    return summary;
  });
}
