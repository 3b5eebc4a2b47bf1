// Tests of the admin1 compaction on a topology composed here: two provinces sharing a border,
// one of them with a far-off islet.
import test from 'node:test';
import assert from 'node:assert/strict';
import { feature } from 'topojson-client';
import { compactAdmin1, ringCentroid } from './admin1.mjs';

// Arcs in absolute degrees (no transform), exterior rings clockwise as in Natural Earth:
// 0 = the shared border (wiggling), 1 = the west province's outer edge, 2 = the east
// province's, 3 = an islet of about 0.01° a side.
function composed() {
  const wiggle = (from, to, n) => Array.from({ length: n + 1 }, (_, i) => [from[0] + ((to[0] - from[0]) * i) / n + (i % 2 ? 1e-4 : 0), from[1] + ((to[1] - from[1]) * i) / n]);
  return {
    type: 'Topology',
    arcs: [
      wiggle([10, 0], [10, 5], 50),
      [[10, 0], [5, 0], [5, 5], [10, 5]],
      [[10, 5], [15, 5], [15, 0], [10, 0]],
      [[30, 30], [30, 30.01], [30.01, 30.01], [30.01, 30], [30, 30]],
    ],
    objects: {
      xx: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'MultiPolygon', id: 'XX.WE', properties: { name: 'West', code_hasc: 'dropped' }, arcs: [[[3]], [[1, -1]]] },
          { type: 'Polygon', id: 'XX.EA', properties: { name: 'East' }, arcs: [[0, 2]] },
          { type: 'LineString', id: 'XX.RI', properties: { name: 'a river' }, arcs: [0] },
        ],
      },
    },
  };
}

test('divisions keep their name and a label point; the islet and the wiggles go', () => {
  const out = compactAdmin1(composed());
  assert.equal(out.code, 'XX');
  assert.equal(out.divisions, 2, 'the line is not a division');
  const divisions = feature(out.topology, out.topology.objects.admin1).features;
  assert.deepEqual(divisions.map((f) => f.properties.name), ['West', 'East']);
  assert.deepEqual(Object.keys(divisions[0].properties).sort(), ['label', 'name']);
  const west = divisions[0].geometry;
  assert.equal(west.type, 'MultiPolygon');
  assert.equal(west.coordinates.length, 1, 'the islet is dropped');
  const [lon, lat] = divisions[0].properties.label;
  assert.ok(lon > 5 && lon < 10 && lat > 0 && lat < 5, `label ${lon},${lat} inside West`);
  const border = out.topology.arcs.reduce((n, arc) => n + arc.length, 0);
  assert.ok(border < 20, `the wiggly border is simplified (${border} points in all)`);
  assert.deepEqual(out.bbox, [5, 0, 15, 5]);
});

test('the largest polygon of a division comes first', () => {
  const topo = composed();
  topo.arcs[3] = [[30, 30], [30, 30.5], [30.5, 30.5], [30.5, 30], [30, 30]]; // now an island of note
  const out = compactAdmin1(topo);
  const west = feature(out.topology, out.topology.objects.admin1).features[0].geometry;
  assert.equal(west.coordinates.length, 2);
  assert.ok(west.coordinates[0][0].some(([x]) => x === 5), 'the mainland polygon first');
});

test('a file that is not one collection is refused with the reason', () => {
  assert.throws(() => compactAdmin1({ type: 'Topology', arcs: [], objects: { a: { type: 'GeometryCollection', geometries: [] }, b: { type: 'GeometryCollection', geometries: [] } } }), /expected one object, found 2/);
  assert.throws(() => compactAdmin1({ type: 'Topology', arcs: [], objects: { a: { type: 'Polygon', arcs: [] } } }), /expected a GeometryCollection/);
});

test('centroid of a square', () => {
  assert.deepEqual(ringCentroid([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]), [1, 1]);
});
