import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form } from '../../../test/photos.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';
import { completeKey } from './gs1/keys.js';

let w: TraceWorld;
beforeAll(async () => {
  w = await traceWorld();
  const place = await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/places`, payload: { kind: 'area', code: 'VT-01', name: 'Vùng 1', unitId: w.ward } });
  expect(place.statusCode, place.body).toBe(201);
  const shallot = await w.shallot.session.request({ method: 'POST', url: `/api/traceability/producers/${w.shallot.id}/products`, payload: { gtin: SHALLOT, nameVi: 'Hành tím', category: 'vegetable' } });
  expect(shallot.statusCode, shallot.body).toBe(201);
});
afterAll(() => w?.t.close());

const RICE = completeKey('893123450031');
const PIA = completeKey('893123450032');
const SHALLOT = completeKey('893123450033');
const wrongCheck = RICE.slice(0, 12) + ((Number(RICE[12]) + 1) % 10);
const csv = (lines: string[]) => Buffer.from(lines.join('\n'));
const upload = (data: Buffer, name: string, session = w.rice.session, producerId = w.rice.id) =>
  session.request({ method: 'POST', url: `/api/traceability/producers/${producerId}/import`, payload: form({}, [{ field: 'file', name, type: 'text/csv', data }]) });
const productCount = async () => (await w.rice.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items.length as number;

describe('import of master data', () => {
  it('refuses a file with bad rows, naming each row and column, and stores nothing', async () => {
    const file = csv([
      'gtin,nameVi,category,lot,productionDate,expiryDate,placeCode',
      `${RICE},Gạo ST25,rice,ST25-01,2026-11-01,2027-11-01,VT-01`,
      `${wrongCheck},Gạo thơm,rice,,,,`,
      `${PIA},Bánh pía,spaceship,,,,`,
      `${RICE},,,ST25-02,2026-11-10,2026-10-01,`,
      `${SHALLOT},Hành của người khác,vegetable,,,,`,
      `${PIA},,,P-01,01/11/2026,,VT-99`,
    ]);
    const refused = await upload(file, 'sai.csv');
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error).toMatchObject({ code: 'import_invalid', field: 'file' });
    expect(error.message).toMatch(/dòng 3, cột gtin/);
    const named = error.details.map((d: { row: number; field: string }) => `${d.row}:${d.field}`);
    expect(named).toEqual(['3:gtin', '4:category', '5:expiryDate', '6:gtin', '7:gtin', '7:placeCode']);
    expect(error.details[0].messages).toEqual({ vi: 'chữ số kiểm tra của GTIN không đúng', en: 'the GTIN\'s check digit is wrong' });
    expect(error.details[1].message).toBe('nhóm sản phẩm không có trong danh mục');
    expect(error.details[2].message).toBe('hạn sử dụng không được trước ngày sản xuất');
    expect(await productCount()).toBe(0);
    expect(error.details[1].messages.en).toBe('not a product category of the list');
  });

  it('names an unknown column, and refuses what is no CSV or workbook', async () => {
    const header = await upload(csv(['gtin,tenSanPham', `${RICE},Gạo`]), 'cot.csv');
    expect(header.json().error.details.map((d: { row: number; field: string }) => `${d.row}:${d.field}`)).toEqual(['1:tenSanPham', '2:gtin']);
    const binary = await upload(Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), 'x.bin');
    expect(binary.json().error).toMatchObject({ code: 'import_file_type', field: 'file' });
    const zip = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), 'x.xlsx');
    expect(zip.statusCode).toBe(400);
    expect((await upload(csv(['gtin,nameVi']), 'rong.csv')).json().error.code).toBe('import_empty');
    const json = await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/import`, payload: { gtin: RICE } });
    expect(json.statusCode).toBe(415);
  });

  it('keeps each producer to its own records', async () => {
    expect((await upload(csv(['gtin,nameVi,category', `${RICE},Gạo,rice`]), 'a.csv', w.shallot.session, w.rice.id)).statusCode).toBe(403);
    expect((await upload(csv(['gtin,nameVi,category', `${RICE},Gạo,rice`]), 'a.csv', w.officer, w.shallot.id)).statusCode).toBe(403);
    expect((await upload(csv(['gtin,nameVi,category', `${RICE},Gạo,rice`]), 'a.csv', w.leader, w.rice.id)).statusCode).toBe(403);
    expect((await upload(csv(['gtin,nameVi,category', `${RICE},Gạo,rice`]), 'a.csv', w.admin, 99999999)).statusCode).toBe(404);
    expect(await productCount()).toBe(0);
  });

  it('accepts a good CSV whole: products, their lots at the producer\'s places, dates as Vietnamese sheets write them', async () => {
    const file = csv([
      'GTIN;nameVi;category;ocopStars;ocopGroup;lot;productionDate;expiryDate;quantity;uom;placeCode',
      `${RICE};Gạo ST25;rice;4;food;ST25-01;2026-11-01;2027-11-01;1200,5;KGM;VT-01`,
      `${PIA};Bánh pía;processed;;;;;;;;`,
      `${PIA};;;;;P-01;01/11/2026;;;;`,
    ]);
    const done = await upload(file, 'tot.csv');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ products: { created: 2, updated: 0 }, lots: { created: 2 } });
    const products = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items;
    const rice = products.find((p: { gtin: string }) => p.gtin === `0${RICE}`);
    expect(rice).toMatchObject({ ocopStars: 4, ocopGroup: 'food', lots: 1 });
    const [lot] = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${rice.id}/lots` })).json().items;
    expect(lot).toMatchObject({ lot: 'ST25-01', productionDate: '2026-11-01', quantity: 1200.5, uom: 'KGM', placeId: expect.any(Number) });
    const pia = products.find((p: { gtin: string }) => p.gtin === `0${PIA}`);
    expect((await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${pia.id}/lots` })).json().items[0].productionDate).toBe('2026-11-01');
    // Again: the lots are taken now, every one named.
    const again = await upload(file, 'tot.csv');
    expect(again.json().error.details.map((d: { row: number; field: string }) => `${d.row}:${d.field}`)).toEqual(['2:lot', '4:lot']);
  });

  it('reads a workbook\'s first sheet, updating a product the producer has and adding a lot to it', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sản phẩm');
    sheet.addRow(['gtin', 'nameVi', 'category', 'whereToBuy', 'lot', 'productionDate']);
    sheet.addRow([Number(RICE), 'Gạo ST25 Phước An', 'rice', 'Chợ Sóc Trăng', 'ST25-02', new Date(Date.UTC(2026, 10, 15))]);
    const done = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'san-pham.xlsx');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ products: { created: 0, updated: 1 }, lots: { created: 1 } });
    const rice = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/products' })).json().items.find((p: { gtin: string }) => p.gtin === `0${RICE}`);
    expect(rice).toMatchObject({ nameVi: 'Gạo ST25 Phước An', whereToBuy: 'Chợ Sóc Trăng', ocopStars: 4, lots: 2 });
    const lots = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/products/${rice.id}/lots` })).json().items;
    expect(lots.map((l: { lot: string; productionDate: string }) => `${l.lot} ${l.productionDate}`)).toEqual(['ST25-02 2026-11-15', 'ST25-01 2026-11-01']);
  });
});
