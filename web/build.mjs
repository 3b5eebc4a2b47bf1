// Bundle the UI into web/dist (committed; the Rust crate sitrep-serve embeds these files).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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
const licence = (pkg) => {
  const file = existsSync(`node_modules/${pkg}/LICENSE`) ? 'LICENSE' : 'MIT-LICENCE.txt';
  return `${pkg}\n${'-'.repeat(pkg.length)}\n${readFileSync(`node_modules/${pkg}/${file}`, 'utf8')}\n`;
};
writeFileSync(
  dist + 'LICENSES.txt',
  'Third-party code and data bundled in app.js, app.css and countries.json\n\n' +
    ['leaflet', 'leaflet.markercluster', 'topojson-client', 'world-atlas'].map(licence).join('\n'),
);
