// The page in a real Chromium on the Mojokerto network: draw, click to fail, year, export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/engine/result.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { netsim } from '../helpers/cli.ts';
import { attrs, numbersIn, snapshot, startHarness, type Harness } from './browser.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** The page has answered the last click: its status line is no longer busy. */
const SETTLED = '#status:not([data-kind=busy])';

const cliResult = (...args: string[]) => {
  const run = netsim('simulate', ...args, '--json');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as SimulationResult;
};

describe('the page on the Mojokerto network', () => {
  it('draws every site and link of the topology, grouped by cluster', async () => {
    const page = await harness.open('#scenario=plan-2023&year=2023');
    const network = loadInput('scenarios/plan-2023.yaml', { year: 2023 }).network;
    const sites = await attrs(page, '#map-svg g.site');
    const links = await attrs(page, '#map-svg path.link');
    expect(sites.sort()).toEqual(network.sites.map((s) => s.id).sort());
    expect(links.sort()).toEqual(network.links.map((l) => l.id).sort());
    const halos = await attrs(page, '#map-svg g.halo', 'data-cluster');
    expect(halos).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    // VPN links are dashed, fibre solid.
    expect(await page.getAttribute('#map-svg path.link[data-id="vpn-pacet"]', 'stroke-dasharray'))
      .toBeTruthy();
    expect(await page.getAttribute('#map-svg path.link[data-id="fo-c1"]', 'stroke-dasharray'))
      .toBeNull();
    await snapshot(page, 'plan-2023');
    await page.close();
  });

  it('fails the fibre to cluster 4 on a click, marks its offices, says what changed', async () => {
    const page = await harness.open('#scenario=plan-2023&year=2023');
    expect(await page.textContent('#panel-impact h2')).toBe('Network state');
    await page.click('#map-svg path.link-hit[data-id="fo-c4"]');
    await page.waitForSelector('#panel-impact .failed-list');
    await page.waitForSelector(SETTLED);

    const cli = cliResult('scenarios/plan-2023.yaml', '--fail', 'fo-c4');
    const c4Offices = cli.demand.sites.filter((s) => s.cluster === 'c4' && s.office)
      .map((s) => s.id);
    const marked = await attrs(page, '#map-svg g.site.uplink-down');
    expect(marked.sort()).toEqual(c4Offices.sort());
    expect(await page.getAttribute('#map-svg path.link[data-id="fo-c4"]', 'class'))
      .toContain('down');
    const panel = await page.textContent('#panel-impact');
    expect(panel).toContain('Failure impact');
    expect(panel).toContain('backup-rsud-soekandar');
    // The backup that took the traffic is drawn in its new colour, with a glow.
    expect(await attrs(page, '#map-svg .link-glow path')).toContain('backup-rsud-soekandar');
    await snapshot(page, 'plan-2023-fo-c4');

    // A second click restores it.
    await page.click('#map-svg path.link-hit[data-id="fo-c4"]');
    await page.locator('#panel-impact h2', { hasText: 'Network state' }).waitFor();
    expect(await page.$$('#map-svg g.site.uplink-down')).toHaveLength(0);
    await page.close();
  });

  it('marks the offices a cut leaves without service (2019, no backup links)', async () => {
    const page = await harness.open('#scenario=baseline-2019');
    await page.click('#map-svg path.link-hit[data-id="fo-c4"]');
    await page.waitForSelector('#panel-impact .failed-list');
    await page.waitForSelector('#map-svg g.site.cut-off');
    const cli = cliResult('scenarios/baseline-2019.yaml', '--fail', 'fo-c4');
    const marked = await attrs(page, '#map-svg g.site.cut-off');
    expect(cli.cutOff.length).toBeGreaterThan(0);
    expect(marked.sort()).toEqual([...cli.cutOff].sort());
    const lost = await page.$$eval('#panel-impact ul.office-list li', (els) => els.length);
    expect(lost).toBe(cli.cutOff.length);
    await snapshot(page, 'baseline-2019-fo-c4');
    await page.close();
  });

  it('shows after a click the same figures as `simulate --fail`', async () => {
    const page = await harness.open('#scenario=plan-2023&year=2023');
    await page.click('#map-svg path.link-hit[data-id="fo-c4"]');
    await page.waitForSelector('#panel-impact .failed-list');
    await page.waitForSelector(SETTLED);
    const cli = cliResult('scenarios/plan-2023.yaml', '--fail', 'fo-c4');

    const demand = numbersIn((await page.textContent('#demand-value'))!)[0];
    expect(demand).toBeCloseTo(cli.demand.targetScopeMbps, 1);

    // Each cluster's uplink: utilisation as shown against the engine's.
    const rows = await page.$$eval('#panel-clusters tbody tr', (trs) => trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    cli.clusters.forEach((c, i) => {
      if (c.uplink.down) expect(rows[i][3]).toContain('down');
      else expect(numbersIn(rows[i][3]).at(-1)).toBeCloseTo(c.uplink.utilization * 100, 1);
    });

    // Links that changed most: the utilisation after the failure is the engine's.
    const changed = await page.$$eval('#panel-impact table.grid tbody tr', (trs) => trs.map((tr) =>
      ({ id: tr.getAttribute('data-link'),
        text: tr.querySelectorAll('td')[1]?.textContent ?? '' })));
    expect(changed.length).toBeGreaterThan(0);
    for (const row of changed) {
      const link = cli.links.find((l) => l.id === row.id)!;
      if (link.down) expect(row.text).toBe('down');
      else expect(numbersIn(row.text).at(-1)).toBeCloseTo(link.utilization * 100, 1);
    }

    // The hover card of the backup link.
    await page.hover('#map-svg path.link-hit[data-id="backup-rsud-soekandar"]');
    const card = await page.textContent('#tooltip');
    const backup = cli.links.find((l) => l.id === 'backup-rsud-soekandar')!;
    expect(card).toContain(`${(backup.utilization * 100).toFixed(1)}%`);
    await page.close();
  });

  it('changes the demand shown when the year slider moves', async () => {
    const page = await harness.open('#scenario=plan-2023&year=2023');
    const in2023 = numbersIn((await page.textContent('#demand-value'))!)[0];
    await page.locator('#year-slider').fill('2020');
    await page.locator('#status', { hasText: '· 2020' }).waitFor();
    await page.waitForSelector(SETTLED);
    const in2020 = numbersIn((await page.textContent('#demand-value'))!)[0];
    const cli2020 = cliResult('scenarios/plan-2023.yaml', '--year', '2020');
    const cli2023 = cliResult('scenarios/plan-2023.yaml');
    expect(cli2020.demand.targetScopeMbps).not.toBe(cli2023.demand.targetScopeMbps);
    expect(in2020).toBeCloseTo(cli2020.demand.targetScopeMbps, 1);
    expect(in2023).toBeCloseTo(cli2023.demand.targetScopeMbps, 1);
    await page.close();
  });

  it('shows a sweep\'s worst failure on the map when its row is clicked', async () => {
    const page = await harness.open('#scenario=plan-2023&year=2023');
    await page.click('#btn-sweep');
    await page.waitForSelector('#sweep-table tbody tr', { timeout: 45_000 });
    const fail = await page.getAttribute('#sweep-table tbody tr:first-child', 'data-fail');
    await page.click('#sweep-table tbody tr:first-child');
    await page.waitForSelector('#panel-impact .failed-list');
    const chips = await page.$$eval('#failed-chips .chip', (els) => els.map((e) => e.textContent));
    expect(chips.length).toBe(fail!.split(',').length);
    await snapshot(page, 'sweep');
    await page.close();
  });

  it('compares two scenarios and exports the map as SVG and PNG', async () => {
    const page = await harness.open('#scenario=plan-2023&year=2023');
    await page.click('#btn-compare');
    await page.fill('input[name=b-fail]', 'fo-c4');
    await page.click('#compare-dialog button.primary');
    await page.waitForSelector('#diff-links tbody tr');
    expect(await page.textContent('#diff-links tbody tr:first-child'))
      .toContain('backup-rsud-soekandar');
    await snapshot(page, 'compare');
    await page.click('#compare-dialog .close');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#btn-svg')]);
    const svgText = await streamText(await svg.createReadStream());
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('data-id="fo-c4"');
    expect(svgText).toContain('Utilisation');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#btn-png')]);
    const bytes = await streamBytes(await png.createReadStream());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('loads nothing from outside the server and breaks no content-security rule', () => {
    expect(harness.requests.length).toBeGreaterThan(20);
    const outside = harness.requests.filter((url) => !url.startsWith(`${harness.origin}/`) &&
      !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(harness.errors).toEqual([]);
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  return (await streamBytes(stream)).toString('utf8');
}
