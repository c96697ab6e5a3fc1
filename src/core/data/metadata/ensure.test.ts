import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/helpers.js';
import { migrate } from '../../../db/migrate.js';
import { SYSTEM } from '../../access/index.js';
import { ensureCategoryCombo } from './category-combos.js';
import { ensureDataElements, type ElementDefinition } from './data-elements.js';
import { elementEntry, elementsByCodes, listComboViews, listElementViews, optionComboOwner, optionCombosByCodes } from './repo.js';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
  await migrate(database.db);
});
afterAll(() => database?.close());

const db = () => database.db;
const actor = SYSTEM;
const option = (code: string, name: string) => ({ code, nameVi: `${name} (vi)`, nameEn: name });
const sex = (...options: ReturnType<typeof option>[]) => ({ code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', options });
const element = (code: string, categoryCombo?: ElementDefinition['categoryCombo']): ElementDefinition => ({
  code, nameVi: `${code} vi`, nameEn: `${code} en`, valueType: 'integer', aggUnits: 'sum', aggTime: 'last', unit: 'người',
  periodTypes: ['month', 'year', 'month'], source: 'test/ensure', ...(categoryCombo !== undefined && { categoryCombo }),
});
const audits = (action: string) => db().selectFrom('audit_log').select(['entity_id', 'after']).where('action', '=', action).orderBy('id').execute();

describe('ensureDataElements', () => {
  it('creates the missing elements with their disaggregation, as createDataElement stores and audits them, once', async () => {
    const combo = { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', categories: [sex(option('F', 'Women'), option('M', 'Men'))] };
    expect(await ensureDataElements({ db: db(), actor, elements: [element('T_PEOPLE', combo), element('T_TOTAL')] })).toEqual(['T_PEOPLE', 'T_TOTAL']);
    const views = (await listElementViews(db())).filter((e) => e.code.startsWith('T_'));
    expect(views).toEqual([
      {
        code: 'T_PEOPLE', nameVi: 'T_PEOPLE vi', nameEn: 'T_PEOPLE en', valueType: 'integer', aggUnits: 'sum', aggTime: 'last', unit: 'người', unitEn: 'people',
        periodTypes: ['month', 'year'], categoryCombo: 'SEX', reportedBy: null, computed: false,
        disaggregations: [{ code: 'SEX_F', nameVi: 'Women (vi)', nameEn: 'Women' }, { code: 'SEX_M', nameVi: 'Men (vi)', nameEn: 'Men' }],
      },
      expect.objectContaining({ code: 'T_TOTAL', categoryCombo: 'default' }),
    ]);
    expect((await audits('data_element.create')).map((a) => a.entity_id)).toEqual(['T_PEOPLE', 'T_TOTAL']);
    expect((await audits('category_combo.create')).map((a) => a.entity_id)).toEqual(['SEX']);

    // An element edited since keeps its edit: what exists is left alone.
    await db().updateTable('data_element').set({ name_vi: 'sửa' }).where('code', '=', 'T_TOTAL').execute();
    expect(await ensureDataElements({ db: db(), actor, elements: [element('T_PEOPLE', combo), element('T_TOTAL')] })).toEqual([]);
    expect((await elementsByCodes(db(), ['T_TOTAL']))[0]).toMatchObject({ nameVi: 'sửa' });
    // …but an element a module now says it computes is marked so.
    await ensureDataElements({ db: db(), actor, elements: [{ ...element('T_TOTAL'), computed: true }] });
    expect((await listElementViews(db())).find((e) => e.code === 'T_TOTAL')).toMatchObject({ nameVi: 'sửa', computed: true });
    expect(await audits('data_element.create')).toHaveLength(2);
  });

  it('creates nothing when one element cannot be: one transaction', async () => {
    await expect(ensureDataElements({ db: db(), actor, elements: [element('T_FIRST'), element('T_SECOND', 'NO_SUCH_COMBO')] }))
      .rejects.toMatchObject({ code: 'reference_not_found', field: 'categoryCombo' });
    expect(await elementsByCodes(db(), ['T_FIRST', 'T_SECOND'])).toEqual([]);
  });
});

describe('ensureCategoryCombo', () => {
  it('adds the options a definition brings, with their combinations, in every disaggregation over the category', async () => {
    const age = { code: 'AGE', nameVi: 'Tuổi', nameEn: 'Age', options: [option('Y', 'Young'), option('O', 'Old')] };
    await ensureCategoryCombo({ db: db(), actor, input: { code: 'SEX_AGE', nameVi: 'Giới tính, tuổi', nameEn: 'Sex, age', categories: [sex(option('F', 'Women'), option('M', 'Men')), age] } });
    const before = await db().selectFrom('category_option_combo').select(['id', 'code']).orderBy('id').execute();

    await ensureCategoryCombo({ db: db(), actor, input: { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', categories: [sex(option('F', 'Women'), option('X', 'Other'))] } });
    const combos = await listComboViews(db());
    expect(combos.find((c) => c.code === 'SEX')!.categories[0]!.options.map((o) => o.code)).toEqual(['F', 'M', 'X']);
    expect(combos.find((c) => c.code === 'SEX')!.combinations.map((k) => k.code)).toEqual(['SEX_F', 'SEX_M', 'SEX_X']);
    expect(combos.find((c) => c.code === 'SEX_AGE')!.combinations.map((k) => k.code)).toEqual([
      'SEX_F_AGE_Y', 'SEX_F_AGE_O', 'SEX_M_AGE_Y', 'SEX_M_AGE_O', 'SEX_X_AGE_Y', 'SEX_X_AGE_O',
    ]);
    expect((await optionCombosByCodes(db(), ['SEX_X_AGE_O']))[0]).toEqual({ code: 'SEX_X_AGE_O', nameVi: 'Other (vi), Old (vi)', nameEn: 'Other, Old' });
    const after = await db().selectFrom('category_option_combo').select(['id', 'code']).orderBy('id').execute();
    expect(after.slice(0, before.length)).toEqual(before); // stored combinations keep their ids: values are keyed by them
    expect((await audits('category_combo.extend')).map((a) => a.after)).toEqual([
      { options: ['SEX_X'], combinations: ['SEX_X', 'SEX_X_AGE_Y', 'SEX_X_AGE_O'] },
    ]);

    await ensureCategoryCombo({ db: db(), actor, input: { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', categories: [sex(option('X', 'Other'))] } });
    expect(await audits('category_combo.extend')).toHaveLength(1);
  });
});

describe('catalogue reads', () => {
  it('names elements and option combinations by code, and says which disaggregation an element is entered by', async () => {
    expect(await elementsByCodes(db(), [])).toEqual([]);
    expect(await optionCombosByCodes(db(), [])).toEqual([]);
    expect(await elementsByCodes(db(), ['T_PEOPLE', 'NOPE'])).toEqual([
      { code: 'T_PEOPLE', nameVi: 'T_PEOPLE vi', nameEn: 'T_PEOPLE en', unit: 'người', unitEn: 'people', valueType: 'integer', aggUnits: 'sum' },
    ]);
    const entry = await elementEntry(db(), 'T_PEOPLE');
    expect(entry).toMatchObject({ period_types: ['month', 'year'], combo: 'SEX' });
    expect(await optionComboOwner(db(), 'SEX_M')).toBe(entry!.category_combo_id);
    expect(await elementEntry(db(), 'NOPE')).toBeUndefined();
  });
});
