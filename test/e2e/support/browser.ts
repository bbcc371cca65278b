import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { resultsDir } from './stack';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotsDir = join(resultsDir, 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh, isolated context: its own cookies and storage, i.e. another "device". */
  newDevice(options?: { phone?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium. Playwright gives every launch a fresh, temporary user-data dir (and refuses
 * `--user-data-dir`), so no state leaks between runs. Fails with the install command when it is missing.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` ` +
        '(or set CHROMIUM_PATH).',
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  mkdirSync(screenshotsDir, { recursive: true });
  return {
    browser,
    newDevice: ({ phone = false } = {}) =>
      browser.newContext(
        phone
          ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
          : { viewport: { width: 1366, height: 860 } },
      ),
    close: () => browser.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: false });
}
