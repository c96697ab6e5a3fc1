import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI installs Chromium and sets REQUIRE_BROWSER=1, so a missing browser fails there instead of skipping. */
export const browserMissing = !fs.existsSync(CHROMIUM) && process.env.REQUIRE_BROWSER !== '1';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
