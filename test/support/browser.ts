// The end-to-end tests' Chromium, driven by playwright-core (nothing is downloaded at install).
// Which binary: CHROMIUM_PATH, else Debian's, else the headless Chromium that the npm package
// @sparticuz/chromium ships inside its tarball, so `npm ci && npm test` needs nothing from apt.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Set by resolveChromium() in the global setup, so each e2e file launches the same binary. */
const RESOLVED_ENV = 'PORTICO_E2E_CHROMIUM';

/**
 * Finds the binary once per test run (the global setup calls it before any worker starts and
 * the workers inherit its environment); unpacking the packaged one takes ~1.5 s the first time
 * and is reused from the system's temporary folder after that.
 */
export async function resolveChromium(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH || SYSTEM_CHROMIUM.find((path) => existsSync(path)) || (await unpackPackagedChromium());
  process.env[RESOLVED_ENV] = chosen;
  return chosen;
}

async function unpackPackagedChromium(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env[RESOLVED_ENV] ?? (await resolveChromium());
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (CHROMIUM_PATH?)`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
