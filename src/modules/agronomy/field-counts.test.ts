import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agronomyWorld, type AgronomyWorld } from '../../../test/agronomy-setup.js';
import { form, phonePhoto } from '../../../test/photos.js';

let w: AgronomyWorld;
beforeAll(async () => { w = await agronomyWorld(); });
afterAll(() => w?.t.close());

const count = (over: Record<string, unknown> = {}) => ({ deviceId: w.trap, night: '2026-11-28', counts: { BPH: 40, YSB: 3 }, clientRef: 'phone-abc-0001', ...over });
const post = (payload: unknown) => w.officer.request({ method: 'POST', url: '/api/agronomy/field-counts', payload: payload as object });

describe("a technician's count from the field", () => {
  it('is stored once as the night\'s readings, a resend answers the first count, and a second count of the night is refused', async () => {
    const first = await post(count({ night: '2026-11-27', deviceId: w.trap }));
    // The season already has readings for every night of the trap: a count adds its species' readings at 21:00.
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ created: true, count: { deviceId: w.trap, night: '2026-11-27', counts: { BPH: 40, YSB: 3 }, recordedBy: 'canbo', hasPhoto: false } });
    const again = await post(count({ night: '2026-11-27' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, count: { id: first.json().count.id } });
    const other = await post(count({ night: '2026-11-27', clientRef: 'phone-xyz-0002' }));
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toContain('canbo');
    const map = (await w.officer.request({ method: 'GET', url: '/api/agronomy/traps/map?night=2026-11-27' })).json();
    expect(map.traps.find((t: { id: number }) => t.id === w.trap).counts.YSB.count).toBe(3);
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
    const list = (await w.admin.request({ method: 'GET', url: `/api/agronomy/traps/${w.trap}/field-counts` })).json();
    expect(list.counts.map((c: { night: string }) => c.night)).toEqual(expect.arrayContaining(['2026-11-26', '2026-11-27']));
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
    const station = await post(count({ deviceId: w.station, clientRef: 'phone-abc-0007' }));
    expect(station.statusCode).toBe(400);
    expect(station.json().error.code).toBe('not_a_trap');
    const empty = await post(count({ counts: {}, clientRef: 'phone-abc-0008' }));
    expect(empty.json().error.message).toMatch(/ít nhất một loài/);
  });
});
