import { describe, expect, it } from 'vitest';
import { officer, u, useDataValuesApp } from './setup.js';

useDataValuesApp();

describe('the Resolution 07 scorecard', () => {
  it('shows each seeded indicator of Tỉnh Sóc Trăng with its latest value, target and status', async () => {
    const card = (await officer.request({ method: 'GET', url: `/api/scorecard?unitId=${u.province}` })).json();
    expect(card.unit.code).toBe('94');
    expect(card.pillars.map((p: { pillar: string }) => p.pillar)).toEqual(['government', 'economy', 'society', 'foundations']);
    const all = Object.fromEntries(card.pillars.flatMap((p: { indicators: { code: string }[] }) => p.indicators).map((i: { code: string }) => [i.code, i]));
    expect(all.NQ07_REPORT_REGIMES).toMatchObject({ latest: { year: 2023 }, target: { year: 2025, value: 100 }, status: 'at_risk' });
    expect(all.NQ07_REPORT_REGIMES.latest.value).toBeCloseTo(30.77, 2);
    expect(all.NQ07_HH_FIBRE).toMatchObject({ latest: { year: 2023, value: 100 }, status: 'achieved' });
    expect(all.NQ07_DIGITAL_ECONOMY).toMatchObject({ latest: { year: 2022, value: 7.41 }, target: { year: 2025, value: 20 } });
    expect(all.NQ07_PAYMENT_ACCOUNT).toMatchObject({ latest: { year: 2023, value: 69.29 }, status: 'achieved' });
    expect(all.NQ07_WORKFILES_PROVINCE).toMatchObject({ latest: { year: 2023, value: 87.74 }, status: 'on_track' });
    expect(all.NQ07_OFFICIALS_TRAINED).toMatchObject({ latest: { year: 2022, value: 464 }, status: 'no_target' });
  });

  it('the DTI page shows the rank by year and the pillars against the national average', async () => {
    const dti = (await officer.request({ method: 'GET', url: `/api/scorecard?framework=DTI&unitId=${u.province}` })).json();
    const all = Object.fromEntries(dti.pillars.flatMap((p: { indicators: { code: string }[] }) => p.indicators).map((i: { code: string }) => [i.code, i]));
    const years = dti.years as number[];
    expect(years.slice(1, 4)).toEqual([2020, 2021, 2022]);
    expect(all.DTI_RANK.series.slice(1, 4)).toEqual([57, 56, 36]);
    expect(all.DTI_GOV.series[years.indexOf(2022)]).toBe(0.6617);
    expect(all.DTI_NATIONAL_AVG.series[years.indexOf(2022)]).toBe(0.5787);
  });

  it('drills down from an indicator to the units below, and ranks a district among its siblings', async () => {
    const detail = (await officer.request({ method: 'GET', url: `/api/scorecard/indicators/NQ07_WORKFILES_COMMUNE?unitId=${u.province}` })).json();
    expect(detail.children.map((c: { unit: { level: string } }) => c.unit.level)).toEqual(Array(11).fill('district'));
    // A figure the province alone reports lists no unit below: the store holds none.
    const regimes = (await officer.request({ method: 'GET', url: `/api/scorecard/indicators/NQ07_REPORT_REGIMES?unitId=${u.province}` })).json();
    expect(regimes).toMatchObject({ children: [], childrenWithout: 11 });
    const district = (await officer.request({ method: 'GET', url: `/api/scorecard?unitId=${u.district941}` })).json();
    expect(district.unit.code).toBe('941');
    const trained = await officer.request({ method: 'GET', url: '/api/scorecard/indicators/NO_SUCH' });
    expect(trained.statusCode).toBe(404);
  });
});
