// Headless Debian Chromium through playwright-core, started the way this machine
// needs: no sandbox (root), no GPU, no background network traffic. Playwright gives
// each launch a fresh profile of its own.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Chromium with a fresh profile; fails clearly when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
  } catch (err) {
    throw new Error(`cannot start Chromium at ${CHROMIUM_PATH} (install it with ` +
      `"node test/setup/chromium.mjs"): ${(err as Error).message}`);
  }
}
