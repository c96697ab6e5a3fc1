import { describe, expect, it } from 'vitest';
import { admin, analytics, u, useDataValuesApp, write } from './setup.js';

// In order: the second test repeats the code the first one creates.
useDataValuesApp();

describe('administrators define disaggregations and data elements', () => {
  it('a sex × age combination gives 12 disaggregations, an element uses it, values are entered and summed', async () => {
    const combo = await admin.request({ method: 'POST', url: '/api/category-combos', payload: {
      code: 'SEX_AGE', nameVi: 'Giới tính × nhóm tuổi', nameEn: 'Sex × age group', categories: [
        { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', options: [{ code: 'F', nameVi: 'Nữ', nameEn: 'Female' }, { code: 'M', nameVi: 'Nam', nameEn: 'Male' }] },
        { code: 'AGE', nameVi: 'Nhóm tuổi', nameEn: 'Age group', options: ['0_14', '15_24', '25_34', '35_49', '50_64', '65P'].map((c) => ({ code: c, nameVi: c, nameEn: c })) },
      ] } });
    expect(combo.statusCode).toBe(201);
    expect(combo.json().combinations).toHaveLength(12);
    expect(combo.json().combinations[0]).toBe('SEX_F_AGE_0_14');
    const element = await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'TRAINED_CITIZENS', nameVi: 'Người dân được hướng dẫn kỹ năng số', nameEn: 'Citizens given basic digital skills', valueType: 'integer',
      aggUnits: 'sum', aggTime: 'sum', unit: 'người', periodTypes: ['month', 'year'], categoryCombo: 'SEX_AGE' } });
    expect(element.statusCode).toBe(201);
    await write(admin, [
      { element: 'TRAINED_CITIZENS', orgUnitId: u.p5, period: '2024M03', coc: 'SEX_F_AGE_15_24', value: 30 },
      { element: 'TRAINED_CITIZENS', orgUnitId: u.p6, period: '2024M04', coc: 'SEX_M_AGE_65P', value: 12 },
    ]);
    expect(await analytics(`element=TRAINED_CITIZENS&orgUnitId=${u.district941}&periods=2024`)).toEqual([{ period: '2024', value: 42 }]);
    expect(await analytics(`element=TRAINED_CITIZENS&coc=SEX_F_AGE_15_24&orgUnitId=${u.socTrang2025}&periods=2024`)).toEqual([{ period: '2024', value: 30 }]);
    const listed = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json().find((e: { code: string }) => e.code === 'TRAINED_CITIZENS');
    expect(listed.disaggregations).toHaveLength(12);
  });

  it('refuses a repeated code, an unknown combination and aggregating text, naming the field', async () => {
    const again = await admin.request({ method: 'POST', url: '/api/data-elements', payload: { code: 'TRAINED_CITIZENS', nameVi: 'X', nameEn: 'X', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'] } });
    expect(again.json().error).toMatchObject({ code: 'already_exists', field: 'code' });
    const combo = await admin.request({ method: 'POST', url: '/api/data-elements', payload: { code: 'NEW_ONE', nameVi: 'X', nameEn: 'X', valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'], categoryCombo: 'NOPE' } });
    expect(combo.json().error).toMatchObject({ code: 'reference_not_found', field: 'categoryCombo' });
    expect(combo.statusCode).toBe(400);
    const text = await admin.request({ method: 'POST', url: '/api/data-elements', payload: { code: 'NOTES', nameVi: 'Ghi chú', nameEn: 'Notes', valueType: 'text', aggUnits: 'sum', aggTime: 'none', periodTypes: ['year'] } });
    expect(text.json().error.field).toBe('aggUnits');
    const options = await admin.request({ method: 'POST', url: '/api/category-combos', payload: { code: 'AREA', nameVi: 'Khu vực', nameEn: 'Area', categories: [
      { code: 'AREA', nameVi: 'Khu vực', nameEn: 'Area', options: [{ code: 'U', nameVi: 'Thành thị', nameEn: 'Urban' }, { code: 'U', nameVi: 'Nông thôn', nameEn: 'Rural' }] }] } });
    expect(options.json().error.field).toBe('categories.0.options');
    // An existing category is shared when its options agree, refused when they differ.
    const other = await admin.request({ method: 'POST', url: '/api/category-combos', payload: { code: 'SEX_OTHER', nameVi: 'Giới tính khác', nameEn: 'Sex, other', categories: [
      { code: 'SEX', nameVi: 'Giới tính', nameEn: 'Sex', options: [{ code: 'F', nameVi: 'Nữ', nameEn: 'Female' }, { code: 'M', nameVi: 'Nam', nameEn: 'Male' }, { code: 'X', nameVi: 'Khác', nameEn: 'Other' }] }] } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.field).toBe('categories.0.options');
  });
});
