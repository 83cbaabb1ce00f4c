// The page on a 1,000-site network: canvas drawing and a quick answer to a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startHarness, type Harness } from './browser.ts';
import { syntheticTopology } from './synthetic.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ 'synthetic-1000': syntheticTopology() });
});
afterAll(() => harness?.close());

describe('the page on a 1,000-site network', () => {
  it('draws it on a canvas with a force layout and stays quick to answer a failure', async () => {
    const started = Date.now();
    const page = await harness.open('#topology=synthetic-1000');
    const loadMs = Date.now() - started;
    expect(await page.getAttribute('#map', 'data-renderer')).toBe('canvas');
    expect(await page.getAttribute('#map', 'data-layout')).toBe('force');
    expect(await page.getAttribute('#map', 'data-sites')).toBe('1001');
    expect(await page.getAttribute('#map', 'data-links')).toBe('1001');
    expect(await page.$$('#map svg g.site')).toHaveLength(0);
    expect(loadMs).toBeLessThan(20_000);
    await snapshot(page, 'synthetic-1000');

    // Fail one aggregation's uplink (its ten offices lose service) through the address
    // bar, as a shared link would, and time the answer.
    const clicked = Date.now();
    await page.goto(`${harness.origin}/#topology=synthetic-1000&fail=link:up-agg-0-0`);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.locator('#panel-impact h2', { hasText: 'Failure impact' }).waitFor();
    expect(Date.now() - clicked).toBeLessThan(20_000);
    expect(await page.textContent('#panel-impact')).toContain('Offices that lose service');

    // Hovering the canvas finds what is under the pointer.
    const box = (await page.$('#map canvas'))!;
    const size = await box.boundingBox();
    await page.mouse.move(size!.x + size!.width / 2, size!.y + size!.height / 2);
    await page.mouse.wheel(0, -400);
    await snapshot(page, 'synthetic-1000-failed');
    await page.close();
  });
});
