import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { nextLoopback, unitId } from './helpers.js';

const MAP_2024 = '/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&period=2023&date=2024-06-30';

/** The IOC's map in Chromium: a choropleth of the 2024 districts, drilled down to communes, and a unit's page. */
describe.skipIf(browserMissing)('the IOC map in the browser', () => {
  const s = browserSuite();

  it('colours the districts with a legend, goes down to the communes of the one clicked and back, and opens a unit page', async () => {
    // An alert of a district, pinned at the middle of its boundary on the alerts layer.
    const admin = await s.t.login('admin');
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114', scopes: ['alerts'] } })).json().token;
    const raised = await s.t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, remoteAddress: nextLoopback(),
      payload: { type: 'HOTLINE_114', title: { vi: 'Mất điện diện rộng', en: 'Wide power cut' }, unitId: await unitId(s.t, '941', '2024-06-30'), occurredAt: '2024-06-01T08:00:00Z' },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'lanhdao');
    await page.getByRole('link', { name: 'Trung tâm điều hành (IOC)' }).first().waitFor();
    await page.goto(`${s.base}${MAP_2024}`);
    const map = page.locator('[data-testid="choropleth"][data-regions="11"]');
    await map.waitFor();
    await page.locator('[data-testid="choropleth"][data-points="1"]').waitFor();
    await page.getByTestId('map-layers').getByLabel('Cảnh báo đang mở').uncheck();
    await page.locator('[data-testid="choropleth"][data-points="0"]').waitFor();
    const legend = page.getByTestId('map-legend');
    await legend.getByText('Theo phân vị').waitFor();
    expect(await legend.locator('li').count()).toBe(6);
    await page.getByTestId('map-breadcrumb').getByText('Tỉnh Sóc Trăng').waitFor();

    // The middle of the province lies in one of its districts: a click there goes one level down.
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const tiles = page.getByTestId('unit-tiles');
    await tiles.waitFor();
    expect(new URL(page.url()).searchParams.get('parent')).not.toBeNull();
    const communes = await tiles.locator('[data-unit-id]').count();
    expect(communes).toBeGreaterThan(3);
    // Communes have no polygons: ranked tiles, coloured like the map, each with its figure.
    expect(await tiles.locator('.unit-tile-value').first().innerText()).toMatch(/\d/);
    const breadcrumb = page.getByTestId('map-breadcrumb');
    const district = (await breadcrumb.locator('strong').innerText()).trim();
    expect(district).not.toBe('Tỉnh Sóc Trăng');

    await breadcrumb.getByRole('button', { name: 'Tỉnh Sóc Trăng' }).click();
    await map.waitFor();
    await page.goBack();
    await tiles.waitFor();

    await breadcrumb.getByRole('link', { name: 'Trang đơn vị' }).click();
    await page.getByRole('heading', { level: 1, name: district }).waitFor();
    for (const id of ['unit-indicators', 'unit-alerts', 'unit-reports', 'unit-children', 'fb-figures', 'unit-cases']) await page.getByTestId(id).waitFor();
    await page.getByTestId('unit-children').getByRole('link').first().waitFor();
    expect(await page.getByTestId('unit-indicators').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it("ranks the 2025 city's wards and communes, which have no polygons, on a 360 px phone, and shows the map on the overview", async () => {
    const page = await s.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await logIn(page, s.base, 'lanhdao');
    await page.getByRole('button', { name: /menu|Menu|Trình đơn/ }).first().waitFor();
    await page.goto(`${s.base}/ioc/map?element=WORKFILES_ONLINE_COMMUNE_PCT&period=2023&date=2025-12-31`);
    await page.locator('[data-testid="unit-tiles"] [data-unit-id]').nth(102).waitFor();
    expect(await page.getByTestId('choropleth').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // A unit's page fits the phone too.
    await page.getByTestId('unit-tiles').locator('[data-unit-id]').first().tap();
    await page.getByTestId('unit-page').waitFor();
    for (const id of ['unit-indicators', 'unit-alerts', 'unit-reports', 'unit-children']) await page.getByTestId(id).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.goto(`${s.base}/ioc`);
    const overview = page.getByTestId('overview-map');
    await overview.getByTestId('ioc-map').waitFor();
    await overview.getByTestId('map-legend').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
