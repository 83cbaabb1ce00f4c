import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { planScenario } from '../../src/capacity/plan.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { renderReport } from '../../src/report/html-report.ts';
import { launchBrowser } from '../helpers/browser.ts';

const input = loadInput('scenarios/plan-2023.yaml');
const planHtml = renderReport(
  { kind: 'plan', plan: planScenario(input.baseTopology, input.scenario) }, 'test');
const simHtml = renderReport({ kind: 'simulation', result: simulate(input.network) }, 'test');

describe('renderReport', () => {
  it('writes a document with no script and no outside reference', () => {
    for (const html of [planHtml, simHtml]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
      expect(html).not.toMatch(/@import|url\(/i);
    }
  });

  it('puts the plan charts in: demand against target, cost by year, utilisation by link', () => {
    expect(planHtml.match(/<svg class="chart"/g)).toHaveLength(3);
    expect(planHtml).toContain('target 921.8 Mbps');
    expect(simHtml.match(/<svg class="chart"/g)).toHaveLength(1);
  });

  it('escapes names taken from input files', () => {
    const result = simulate(input.network);
    result.links[0].id = '<img src=x onerror=alert(1)>';
    const html = renderReport({ kind: 'simulation', result }, 'test');
    expect(html).not.toContain('<img src=x');
  });
});

describe('the plan report in a browser', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('opens offline from a file and shows its three charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-report-'));
    const file = join(dir, 'plan.html');
    writeFileSync(file, planHtml);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((s) => {
        const b = s.getBoundingClientRect();
        return [b.width, b.height, s.querySelectorAll('rect').length];
      }));
    expect(charts).toHaveLength(3);
    for (const [width, height, rects] of charts) {
      expect(width).toBeGreaterThan(300);
      expect(height).toBeGreaterThan(100);
      expect(rects).toBeGreaterThan(4);
    }
    expect(requests).toEqual([pathToFileURL(file).href]);
  });
});
