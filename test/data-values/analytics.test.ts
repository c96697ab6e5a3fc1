import { beforeAll, describe, expect, it } from 'vitest';
import { admin, analytics, u, useDataValuesApp, writeMergerValues } from './setup.js';

useDataValuesApp();

describe('analytics over units, periods and the 2025 merger', () => {
  beforeAll(writeMergerValues);

  it('sums the communes of a district, and a province reports its own figure when it has one', async () => {
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2024`)).toEqual([{ period: '2024', value: 1050 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.province}&periods=2024;2023`)).toEqual([
      { period: '2024', value: 1050 },
      { period: '2023', value: 644136 },
    ]);
  });

  it('values entered under communes that no longer exist roll up into the commune that succeeded them', async () => {
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.socTrang2025}&periods=2024`)).toEqual([{ period: '2024', value: 1000 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.phuLoi2025}&periods=2024`)).toEqual([{ period: '2024', value: 50 }]);
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.city2025}&periods=2024`)).toEqual([{ period: '2024', value: 1050 }]);
  });

  it('a district that ended in 2025 keeps its 2024 hierarchy', async () => {
    expect(await analytics(`element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.district941}&periods=2025`)).toEqual([{ period: '2025', value: null }]);
  });

  it('indicators divide and scale; disaggregations are summed or picked', async () => {
    expect(await analytics(`indicator=NQ07_REPORT_REGIMES&orgUnitId=${u.province}&periods=2023`)).toEqual([{ period: '2023', value: (4 / 13) * 100 }]);
    expect(await analytics(`element=OFFICIALS_TRAINED_DT&orgUnitId=${u.province}&periods=2022`)).toEqual([{ period: '2022', value: 464 }]);
    expect(await analytics(`element=OFFICIALS_TRAINED_DT&coc=TRAINING_PROGRAMME_INFOSEC&orgUnitId=${u.province}&periods=2022`)).toEqual([{ period: '2022', value: 20 }]);
  });

  it('refuses a bad analytics request clearly', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/analytics?element=PAYMENT_ACCOUNT_15PLUS&indicator=X&orgUnitId=${u.province}&periods=2024` });
    expect(res.statusCode).toBe(400);
    const period = await admin.request({ method: 'GET', url: `/api/analytics?element=PAYMENT_ACCOUNT_15PLUS&orgUnitId=${u.province}&periods=2024M13` });
    expect(period.json().error.field).toBe('querystring.periods');
  });
});
