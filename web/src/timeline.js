// The timeline: an SVG histogram of events per day with a brush. Drag to select a date range
// (it becomes the from/to filters), double-click to clear it.

const NS = 'http://www.w3.org/2000/svg';
const DAY = 86400000;

const parse = (d) => Date.parse(d + 'T00:00:00Z');
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

/**
 * Draw `days` ([{date, events}]) into `container`; `selection` is {from, to} (either may be
 * null); `onSelect({from, to})` is called with the brushed range, or with null on clear.
 */
export function drawTimeline(container, days, selection, onSelect) {
  container.innerHTML = '';
  const width = container.clientWidth || 800;
  const height = container.clientHeight || 110;
  const pad = { left: 34, right: 10, top: 8, bottom: 18 };
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img' }, container);
  if (!days.length) {
    el('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle' }, svg).textContent = 'no dated events';
    return;
  }
  let t0 = parse(days[0].date);
  let t1 = parse(days[days.length - 1].date) + DAY;
  if (t1 - t0 < 7 * DAY) { t0 -= 3 * DAY; t1 += 3 * DAY; }
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (t) => pad.left + ((t - t0) / (t1 - t0)) * innerW;
  const tAt = (px) => t0 + ((px - pad.left) / innerW) * (t1 - t0);
  const max = Math.max(...days.map((d) => d.events));
  const barW = Math.max(3, innerW / ((t1 - t0) / DAY) - 0.5);
  const from = selection.from ? parse(selection.from) : null;
  const to = selection.to ? parse(selection.to) : null;
  const bars = el('g', {}, svg);
  for (const d of days) {
    const t = parse(d.date);
    const h = Math.max(1, (d.events / max) * innerH);
    const inside = (from === null || t >= from) && (to === null || t <= to) && (from !== null || to !== null);
    const r = el('rect', { class: 'bar' + (inside ? ' in' : ''), x: x(t), y: pad.top + innerH - h, width: barW, height: h }, bars);
    el('title', {}, r).textContent = `${d.date}: ${d.events} events, ${d.fatalities} fatalities`;
  }
  el('text', { x: 2, y: pad.top + 8 }, svg).textContent = String(max);
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + ((t1 - t0) * i) / ticks;
    el('text', { x: x(t), y: height - 4, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, svg).textContent = iso(t);
  }
  const brush = el('rect', { class: 'brush', y: pad.top, height: innerH, x: 0, width: 0, visibility: 'hidden' }, svg);
  const show = (a, b) => {
    const [l, r] = [Math.min(a, b), Math.max(a, b)];
    brush.setAttribute('x', l);
    brush.setAttribute('width', Math.max(1, r - l));
    brush.setAttribute('visibility', 'visible');
  };
  if (from !== null || to !== null) show(x(from ?? t0), x((to ?? t1 - DAY) + DAY));
  const px = (ev) => {
    const box = svg.getBoundingClientRect();
    return Math.max(pad.left, Math.min(width - pad.right, ((ev.clientX - box.left) / box.width) * width));
  };
  let start = null;
  svg.addEventListener('pointerdown', (ev) => { start = px(ev); svg.setPointerCapture(ev.pointerId); show(start, start); });
  svg.addEventListener('pointermove', (ev) => { if (start !== null) show(start, px(ev)); });
  svg.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const end = px(ev);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) return; // a click, not a drag
    onSelect({ from: iso(Math.floor(tAt(a) / DAY) * DAY), to: iso(Math.floor((tAt(b) - 1) / DAY) * DAY) });
  });
  svg.addEventListener('dblclick', () => onSelect(null));
}
