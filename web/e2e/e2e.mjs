// End-to-end tests of `sitrep serve` in headless Chromium (Debian's, driven by playwright-core).
//
//   SITREP_BIN=target/release/sitrep node web/e2e/e2e.mjs
//
// Ingests data/sample into a fresh store, serves it on a free port, and checks: markers on the
// map, the timeline brush shrinking the list, an event page with its source sentence
// highlighted (the highlighted text equals the field's evidence), a place page, the export
// links, admin1 outlines when zoomed on a country. Screenshots go to docs/screenshots/. With SITREP_PERF_DB=FILE it instead serves that
// store and reports the time to first render (map markers and list).

import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const bin = path.resolve(root, process.env.SITREP_BIN || 'target/release/sitrep');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = process.env.SITREP_SCREENSHOTS || path.join(root, 'docs', 'screenshots');
const perfDb = process.env.SITREP_PERF_DB;

function startServer(db, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--db', db, '--port', '0', ...extra], { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${err}`)), 60000);
    child.stderr.on('data', (chunk) => {
      err += chunk;
      process.stderr.write(chunk);
      const m = err.match(/http:\/\/([\d.]+:\d+)\//);
      if (m) { clearTimeout(timer); resolve({ child, url: `http://${m[1]}/` }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${err}`)); });
  });
}

async function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const results = [];
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    results.push(`ok   ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push(`FAIL ${name}: ${e.message}`);
    throw e;
  }
}

async function perf() {
  const { child, url } = await startServer(perfDb);
  const browser = await launch();
  try {
    for (const [label, hash] of [['all events (cold)', ''], ['all events (warm)', ''], ['filtered: one country, 4 months', '#/?country=SY&from=2021-03-01&to=2021-06-30'],
      ['filtered: actor', '#/?actor=boko'], ['filtered: text', '#/?q=Idlib%20place%207']]) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = Date.now();
      await page.goto(url + hash, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__sitrep && window.__sitrep.ready !== null, null, { timeout: 120000 });
      await page.waitForSelector('#map .marker-cluster, #map path.leaflet-interactive', { timeout: 120000 });
      const wall = Date.now() - t0;
      const info = await page.evaluate(() => ({ ready: Math.round(window.__sitrep.ready), points: window.__sitrep.points, total: document.querySelector('#total')?.textContent }));
      let admin1 = '';
      if (hash.includes('country=')) {
        await page.waitForSelector('#map path.admin1', { state: 'attached', timeout: 60000 });
        admin1 = `; admin1 outlines drawn ${Date.now() - t0} ms after navigation`;
      }
      console.log(`perf ${label}: first render ${wall} ms wall (app ready at ${info.ready} ms after navigation), ${info.points} points, ${info.total} events listed${admin1}`);
      if (!hash) await page.screenshot({ path: path.join(shots, 'perf-100k.png') });
      await page.close();
    }
  } finally {
    await browser.close();
    child.kill();
  }
}

async function e2e() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-e2e-'));
  const db = path.join(dir, 'sample.db');
  execFileSync(bin, ['ingest', path.join(root, 'data', 'sample'), '--db', db, '--quiet'], { stdio: 'inherit' });
  const token = 'e2e-token-0123456789';
  const { child, url } = await startServer(db, ['--ingest-token', token]);
  const browser = await launch();
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    let before;

    await check('markers appear on the map', async () => {
      await page.goto(url);
      await page.waitForSelector('#map .marker-cluster, #map path.leaflet-interactive', { timeout: 20000 });
      await page.waitForSelector('#events tbody tr');
      const points = Number(await page.getAttribute('#map', 'data-points'));
      assert.ok(points > 0, 'points on the map');
      await page.waitForSelector('#map path.country', { state: 'attached' });
      assert.ok(await page.locator('#map path.country').count() > 100, 'the offline country basemap is drawn');
      before = Number(await page.textContent('#total'));
      assert.ok(before >= 2, `at least two events listed, got ${before}`);
      await page.screenshot({ path: path.join(shots, 'map.png') });
    });

    await check('brushing the timeline shrinks the list', async () => {
      const box = await page.locator('#timeline svg').boundingBox();
      const bars = await page.$$eval('#timeline rect.bar', (rs) => rs.map((r) => { const b = r.getBoundingClientRect(); return b.left + b.width / 2; }));
      assert.ok(bars.length >= 2, `several days on the timeline, got ${bars.length}`);
      // Brush from just left of the last day's bar to the right edge: only the latest day(s).
      const x0 = bars[bars.length - 1] - 4;
      await page.mouse.move(x0, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(x0 + 20, box.y + box.height / 2, { steps: 5 });
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => location.hash.includes('from='));
      await page.waitForFunction((n) => Number(document.querySelector('#total')?.textContent) < n, before);
      const after = Number(await page.textContent('#total'));
      assert.ok(after >= 1 && after < before, `list shrank from ${before} to ${after}`);
      const hash = await page.evaluate(() => location.hash);
      assert.match(hash, /from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
      const href = await page.getAttribute('#export-acled', 'href');
      assert.ok(href.includes('from='), `export link carries the filter: ${href}`);
      const csv = await page.request.get(new URL(href, url).toString());
      assert.equal(csv.status(), 200);
      const lines = (await csv.text()).trim().split('\n');
      assert.ok(lines[0].startsWith('event_id_cnty,event_date'), 'ACLED header');
      await page.screenshot({ path: path.join(shots, 'timeline-brushed.png') });
      // The URL is shareable: a fresh page on it shows the same selection.
      const other = await browser.newPage();
      await other.goto(url + hash);
      await other.waitForFunction((n) => Number(document.querySelector('#total')?.textContent) === n, after);
      await other.close();
      await page.dblclick('#timeline svg');
      await page.waitForFunction((n) => Number(document.querySelector('#total')?.textContent) === n, before);
    });

    await check('an event page highlights the source sentence', async () => {
      await page.click('#events tbody tr.event-row td:first-child');
      await page.waitForSelector('#article-text .hl-sentence');
      const field = await page.$eval('#fields tr.active', (tr) => tr.querySelector('.src').textContent);
      const span = await page.$eval('#article-text .hl-span', (s) => s.textContent);
      assert.ok(field.includes(`“${span}”`), `highlighted span ${JSON.stringify(span)} is the field's evidence ${JSON.stringify(field)}`);
      const sentence = await page.$$eval('#article-text .hl-sentence', (ss) => ss.map((s) => s.textContent).join(''));
      assert.ok(sentence.length > span.length, 'the whole sentence is highlighted');
      // Every sourced field: the highlighted text is exactly its evidence (byte → UTF-16 offsets).
      const rows = await page.$$('#fields tr.sourced');
      for (const row of rows) {
        await row.click();
        const want = await row.$eval('.src', (td) => td.textContent.match(/“(.*)”/s)[1]);
        const got = await page.$eval('#article-text .hl-span', (s) => s.textContent);
        assert.equal(got, want);
      }
      await (rows[0] || page.locator('#fields tr').first()).click();
      await page.screenshot({ path: path.join(shots, 'event.png') });
    });

    await check('an article posted with the token is read, stored and disputed claims are marked', async () => {
      // Composed for this test: a monitor and an activist assert different tolls, the army denies.
      const article = {
        id: 'e2e-disputed', published: '2019-05-20', source: 'E2E Wire', title: 'Disputed shelling',
        text: 'Government forces shelled the village of Kafr Nabudah in Hama province on Sunday, killing seven civilians, '
          + 'the Syrian Observatory for Human Rights said.\n\nThe Syrian army denied shelling the village. '
          + 'A local activist said nine people were killed in the shelling.',
      };
      const refused = await page.request.post(new URL('/api/articles', url).toString(), { data: article, headers: { Authorization: 'Bearer wrong-token' } });
      assert.equal(refused.status(), 403);
      const res = await page.request.post(new URL('/api/articles', url).toString(), { data: article, headers: { Authorization: `Bearer ${token}` } });
      assert.equal(res.status(), 200, await res.text());
      assert.deepEqual((await res.json()).stored, ['e2e-disputed']);
      const d = await page.evaluate(async () => {
        const list = await (await fetch('/api/events?limit=1000')).json();
        return list.items.find((e) => e.disputed && (e.article_ids || []).includes('e2e-disputed')) || null;
      });
      assert.ok(d, 'the posted article gives a disputed event');
      await page.goto(`${url}#/event/${encodeURIComponent(d.id)}`);
      await page.waitForSelector('#disagreements li');
      assert.ok(await page.locator('.claim.disagrees').count() >= 2, 'two disagreeing claims side by side');
      const marked = await page.textContent('#disagreements');
      assert.ok(marked.includes('polarity') && marked.includes('figures'), `denial and differing tolls marked: ${marked}`);
      await page.screenshot({ path: path.join(shots, 'claims.png') });
    });

    await check('a place page shows its control timeline', async () => {
      const place = await page.evaluate(async () => {
        const p = await (await fetch('/api/places?limit=1000')).json();
        return p.items.find((x) => x.control_facts > 0) || p.items[0];
      });
      await page.goto(`${url}#/place/${encodeURIComponent(place.name)}?in=${place.country_code || ''}`);
      await page.waitForFunction((n) => document.querySelector('#panel h2')?.textContent === n, place.name);
      if (place.control_facts > 0) {
        assert.equal(await page.locator('#control li').count(), place.control_facts);
      }
      await page.screenshot({ path: path.join(shots, 'place.png') });
    });
    await check('the stories page lists what fusion grouped', async () => {
      await page.goto(`${url}#/stories`);
      await page.waitForSelector('#stories');
      const total = await page.evaluate(async () => (await (await fetch('/api/stories')).json()).total);
      assert.equal(await page.locator('#stories tr').count(), Math.min(total, 200) + 1);
    });
    await check('"merge reports" (the default) lists the fused events, unticked every report, and opens one', async () => {
      await page.goto(url);
      await page.waitForSelector('#events tbody tr');
      const merged = await page.evaluate(async () => (await (await fetch('/api/events?dedup=1')).json()).total);
      const reports = await page.evaluate(async () => (await (await fetch('/api/events?dedup=0')).json()).total);
      assert.ok(merged >= 1 && merged <= reports, `${merged} fused events of ${reports} reports`);
      assert.ok(await page.isChecked('input[name=dedup]'), 'fused events by default');
      await page.waitForFunction((n) => Number(document.querySelector('#total')?.textContent) === n, merged);
      await page.uncheck('input[name=dedup]');
      await page.waitForFunction(() => location.hash.includes('dedup=0'));
      await page.waitForFunction((n) => Number(document.querySelector('#total')?.textContent) === n, reports);
      assert.ok((await page.getAttribute('#export-acled', 'href')).includes('dedup=0'), 'the export follows the list');
      await page.check('input[name=dedup]');
      await page.waitForFunction(() => location.hash.includes('dedup=1'));
      await page.waitForFunction((n) => Number(document.querySelector('#total')?.textContent) === n, merged);
      // A merged row opens the fused event's page (its F: id), with every report of it.
      await page.click('#events tbody tr.event-row');
      await page.waitForSelector('#fields');
      assert.ok(decodeURIComponent(await page.evaluate(() => location.hash)).includes('/event/F:'));
      assert.match(await page.textContent('#fused'), /told by \d+ report/);
    });
    await check('admin1 outlines appear when zoomed on a country with events', async () => {
      const meta = await (await page.request.get(new URL('/api/meta', url).toString())).json();
      const index = await (await page.request.get(new URL('/assets/admin1/index.json', url).toString())).json();
      const country = meta.countries.find((c) => index.countries.some((x) => x.code === c.code));
      assert.ok(country, `a country with events has admin1 outlines: ${JSON.stringify(meta.countries)}`);
      const file = index.countries.find((x) => x.code === country.code).file;
      const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      fresh.on('pageerror', (e) => errors.push(e.message));
      const drawn = () => fresh.evaluate(() => (document.querySelector('#map').dataset.admin1 || '').split(' ').filter(Boolean));
      // Zoomed on the country by its filter: its divisions are drawn, named once close enough.
      await fresh.goto(`${url}#/?country=${country.code}`);
      // (the fit to the country's events may be an animated zoom: wait for the map to settle on it)
      await fresh.waitForFunction((f) => {
        const m = document.querySelector('#map').dataset;
        return (m.admin1 || '').split(' ').includes(f) && Number(m.zoom) >= 5;
      }, file, { timeout: 20000 }).catch(() => {});
      const outlines = await fresh.locator('#map path.admin1').count();
      assert.ok(outlines >= 1, `${country.code}: ${outlines} admin1 outlines drawn`);
      const zoom = Number(await fresh.getAttribute('#map', 'data-zoom'));
      assert.ok(zoom >= 5, `zoomed on the country (zoom ${zoom})`);
      if (zoom >= 6) assert.ok(await fresh.locator('#map .admin1-label').count() >= 1, 'division names shown');
      await fresh.screenshot({ path: path.join(shots, 'admin1.png') });
      // Filter cleared, still zoomed in: the outlines of the countries in view stay.
      await fresh.click('#clear');
      await fresh.waitForFunction(() => !location.hash.includes('country='));
      await fresh.waitForFunction((n) => Number(document.body.dataset.rendered) >= n, 2);
      assert.ok((await drawn()).includes(file), 'the country in view keeps its outlines');
      // Zoomed out to the world: none.
      for (let i = 0; i < 6; i++) {
        const out = fresh.locator('.leaflet-control-zoom-out');
        if (await out.evaluate((a) => a.classList.contains('leaflet-disabled'))) break;
        await out.click();
        await fresh.waitForTimeout(350);
      }
      await fresh.waitForFunction(() => document.querySelectorAll('#map path.admin1').length === 0, null, { timeout: 10000 });
      assert.deepEqual(await drawn(), []);
      await fresh.close();
    });
    assert.deepEqual(errors, [], `no errors in the page: ${JSON.stringify(errors)}`);
  } finally {
    await browser.close();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(shots, { recursive: true });
try {
  if (perfDb) await perf();
  else await e2e();
} catch (e) {
  console.error(results.join('\n'));
  console.error(e);
  process.exit(1);
}
console.log(results.join('\n'));
