import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agronomyWorld, type AgronomyWorld } from '../../../test/agronomy-setup.js';
import { form, phonePhoto } from '../../../test/photos.js';

let w: AgronomyWorld;
/** A lamp that sends nothing: its nights come from the technician. */
let manual: number;
beforeAll(async () => {
  w = await agronomyWorld();
  manual = w.manual;
});
afterAll(() => w?.t.close());

const count = (over: Record<string, unknown> = {}) => ({ deviceId: manual, night: '2026-11-28', counts: { BPH: 40, YSB: 3 }, clientRef: 'phone-abc-0001', ...over });
const post = (payload: unknown) => w.officer.request({ method: 'POST', url: '/api/agronomy/field-counts', payload: payload as object });

describe("a technician's count from the field", () => {
  it("is stored once as the night's readings and figures, a resend answers the first count, a second count of the night is refused", async () => {
    // Five nights late: the morning job has published that night already, the count publishes it again.
    const first = await post(count({ night: '2026-11-25' }));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ created: true, count: { deviceId: manual, night: '2026-11-25', counts: { BPH: 40, YSB: 3 }, recordedBy: 'canbo', hasPhoto: false } });
    const again = await post(count({ night: '2026-11-25' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, count: { id: first.json().count.id } });
    // The same reference from someone else, or for another night, is not a key to that count.
    expect((await w.admin.request({ method: 'POST', url: '/api/agronomy/field-counts', payload: count({ night: '2026-11-25' }) })).json().error.code).toBe('client_ref_taken');
    const other = await post(count({ night: '2026-11-25', clientRef: 'phone-xyz-0002' }));
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toBe('Bẫy này đã có số đếm của đêm 25/11/2026 (do canbo nhập).');
    const map = (await w.officer.request({ method: 'GET', url: '/api/agronomy/traps/map?night=2026-11-25' })).json();
    expect(map.traps.find((t: { id: number }) => t.id === manual).counts).toMatchObject({ BPH: { count: 40 }, YSB: { count: 3 } });
    const values = (await w.officer.request({ method: 'GET', url: '/api/dataValueSets?dataElement=AGRI_TRAP_CATCH&orgUnit=31507&startDate=2026-11-25&endDate=2026-11-25' })).json().dataValues;
    expect(values.find((v: { categoryOptionCombo: string }) => v.categoryOptionCombo === 'AGRI_SPECIES_YSB').value).toBe('3');
  });

  it('is not added to the counts a smart trap sent itself that night', async () => {
    const res = await post(count({ deviceId: w.trap, night: '2026-11-27', counts: { BPH: 40 }, clientRef: 'phone-abc-0010' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('night_already_reported');
  });

  it('takes a photo with the count (multipart), shows it to readers, and lists the counts of the trap', async () => {
    const photo = await phonePhoto({ width: 1200, height: 900 });
    const res = await w.officer.request({
      method: 'POST', url: '/api/agronomy/field-counts',
      payload: form({ count: JSON.stringify(count({ night: '2026-11-26', clientRef: 'phone-abc-0003' })) }, [{ field: 'photo', name: 'bay.jpg', type: 'image/jpeg', data: photo }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().count.hasPhoto).toBe(true);
    const image = await w.admin.request({ method: 'GET', url: `/api/agronomy/field-counts/${res.json().count.id}/photo` });
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.length).toBeGreaterThan(1000);
    const list = (await w.admin.request({ method: 'GET', url: `/api/agronomy/traps/${manual}/field-counts` })).json();
    expect(list.counts.map((c: { night: string }) => c.night)).toEqual(expect.arrayContaining(['2026-11-25', '2026-11-26']));
    const notJson = await w.officer.request({ method: 'POST', url: '/api/agronomy/field-counts', payload: form({ count: '{oops' }, []) });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('count_json_required');
    const notPhoto = await w.officer.request({
      method: 'POST', url: '/api/agronomy/field-counts',
      payload: form({ count: JSON.stringify(count({ clientRef: 'phone-abc-0004' })) }, [{ field: 'photo', name: 'bay.jpg', type: 'image/jpeg', data: Buffer.from('not an image') }]),
    });
    expect(notPhoto.statusCode).toBe(400);
  });

  it('refuses, in words, a species no trap counts, a night to come, and a station', async () => {
    const species = await post(count({ counts: { LOCUST: 4 }, clientRef: 'phone-abc-0005' }));
    expect(species.statusCode).toBe(400);
    expect(species.json().error.message).toMatch(/loài không có trong danh mục/);
    const future = await post(count({ night: '2026-12-01', clientRef: 'phone-abc-0006' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('night_out_of_window');
    const tonight = await post(count({ night: '2026-11-30', clientRef: 'phone-abc-0009' }));
    expect(tonight.json().error.code).toBe('night_out_of_window'); // 10:00: tonight has not begun
    const station = await post(count({ deviceId: w.station, clientRef: 'phone-abc-0007' }));
    expect(station.statusCode).toBe(400);
    expect(station.json().error.code).toBe('not_a_trap');
    const empty = await post(count({ counts: {}, clientRef: 'phone-abc-0008' }));
    expect(empty.json().error.message).toMatch(/ít nhất một loài/);
  });
});
