import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI installs Chromium and sets REQUIRE_BROWSER=1, so a missing browser fails there instead of skipping. */
export const browserMissing = !fs.existsSync(CHROMIUM) && process.env.REQUIRE_BROWSER !== '1';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A test app serving the built web app over a real socket; its close() stops both. */
export async function startWebApp(): Promise<{ t: TestApp; base: string }> {
  const t = await createTestApp();
  const web = await buildApp(t.ctx, { web: true });
  await web.listen({ port: 0, host: '127.0.0.1' });
  const closeData = t.close;
  t.close = async () => {
    await web.close();
    await closeData();
  };
  return { t, base: `http://127.0.0.1:${(web.server.address() as { port: number }).port}` };
}

export async function logIn(page: Page, base: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export interface BrowserSuite {
  t: TestApp;
  browser: Browser;
  base: string;
}

/** Registers the suite's setup and teardown: a test app serving the web app, and Chromium. */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    if (browserMissing) return;
    Object.assign(suite, await startWebApp());
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}
