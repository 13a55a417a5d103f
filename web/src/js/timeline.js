// timeline.js - events per day stacked by type, drawn in SVG. It is also the
// date filter: drag across days to select them (date_from..date_to), click
// "all dates" to clear; play moves the selected window day by day.
import {svg, h, clear} from './dom.js';
import {TYPES, typeClass} from './types.js';

const DAY = 86400000;
const HEIGHT = 90, PAD_BOTTOM = 18, PAD_TOP = 6;
const PLAY_STEP_MS = 700;

function dayNum(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY); }
function isoOf(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

export class Timeline {
  // onSelect(from, to): ISO dates, or nulls to clear; replace=true while playing.
  constructor(parent, onSelect) {
    this.onSelect = onSelect;
    this.root = h('section', {class: 'timeline', 'aria-label': 'Events per day'});
    this.bar = h('div', {class: 'timeline-bar'});
    this.playBtn = h('button', {type: 'button', class: 'play', title: 'Play: move the selected days forward', onclick: () => this.togglePlay()}, '▶ play');
    this.clearBtn = h('button', {type: 'button', class: 'clear-dates', onclick: () => this.onSelect(null, null, false)}, 'all dates');
    this.label = h('span', {class: 'timeline-label'});
    this.bar.append(this.playBtn, this.clearBtn, this.label);
    this.chart = h('div', {class: 'timeline-chart'});
    this.root.append(this.bar, this.chart);
    parent.append(this.root);
    this.days = [];
    this.sel = null;
    this.timer = null;
    // drawn again at the new width when the window (or the panel) changes size
    this.width = 0;
    this.resize = new ResizeObserver(() => {
      if (this.last && Math.abs(this.chart.clientWidth - this.width) > 8) this.render(...this.last);
    });
    this.resize.observe(this.chart);
  }

  // rows: [{date, event_type, count}]; from/to: the selected dates or null.
  render(rows, from, to) {
    this.last = [rows, from, to];
    const byDay = new Map();
    let lo = Infinity, hi = -Infinity;
    for (const r of rows) {
      const d = dayNum(r.date);
      lo = Math.min(lo, d); hi = Math.max(hi, d);
      if (!byDay.has(d)) byDay.set(d, new Map());
      const m = byDay.get(d);
      m.set(r.event_type, (m.get(r.event_type) || 0) + r.count);
    }
    clear(this.chart);
    if (!rows.length) {
      this.days = [];
      this.chart.append(h('p', {class: 'empty'}, 'No dated events.'));
      this.label.textContent = '';
      return;
    }
    // one day of margin each side, so a lone day is not the whole width
    lo -= 1; hi += 1;
    this.lo = lo; this.hi = hi;
    const n = hi - lo + 1;
    const width = Math.max(300, this.chart.clientWidth || 800);
    this.width = width;
    const bw = width / n;
    this.bw = bw;
    let max = 1;
    for (const m of byDay.values()) max = Math.max(max, [...m.values()].reduce((a, b) => a + b, 0));
    const plotH = HEIGHT - PAD_BOTTOM - PAD_TOP;
    const root = svg('svg', {class: 'timeline-svg', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img'});
    const order = [...TYPES, ...new Set(rows.map(r => r.event_type).filter(t => !TYPES.includes(t)))];
    for (const [d, m] of byDay) {
      let y = HEIGHT - PAD_BOTTOM;
      const x = (d - lo) * bw;
      const g = svg('g', {class: 'day', 'data-date': isoOf(d)});
      let total = 0;
      for (const t of order) {
        const c = m.get(t);
        if (!c) continue;
        total += c;
        const bh = c / max * plotH;
        y -= bh;
        g.append(svg('rect', {class: 'seg ' + typeClass(t), x: x + 1, y, width: Math.max(1, bw - 2), height: bh},
          svg('title', null, `${isoOf(d)} ${t}: ${c}`)));
      }
      g.dataset.count = total;
      root.append(g);
    }
    // date ticks: about one label per 90 px
    const every = Math.max(1, Math.ceil(90 / bw));
    for (let d = lo; d <= hi; d += every) {
      root.append(svg('text', {class: 'tick', x: (d - lo) * bw + bw / 2, y: HEIGHT - 4}, isoOf(d).slice(5)));
    }
    this.selRect = svg('rect', {class: 'selection', y: 0, height: HEIGHT - PAD_BOTTOM, x: 0, width: 0});
    root.append(this.selRect);
    this.svg = root;
    this.chart.append(root);
    this.days = [...byDay.keys()].sort((a, b) => a - b);
    this.setSelection(from, to);
    this.attachDrag(root);
  }

  setSelection(from, to) {
    if (this.last) { this.last[1] = from; this.last[2] = to; }
    this.sel = from || to ? [from ? dayNum(from) : this.lo, to ? dayNum(to) : this.hi] : null;
    if (!this.selRect) return;
    if (!this.sel) {
      this.selRect.setAttribute('width', 0);
      this.label.textContent = 'Drag across the days to filter by date.';
      return;
    }
    const [a, b] = this.sel;
    this.selRect.setAttribute('x', Math.max(0, (a - this.lo) * this.bw));
    this.selRect.setAttribute('width', Math.max(0, (b - a + 1) * this.bw));
    this.label.textContent = a === b ? isoOf(a) : `${isoOf(a)} to ${isoOf(b)}`;
  }

  dayAt(clientX) {
    const r = this.svg.getBoundingClientRect();
    const d = this.lo + Math.floor((clientX - r.left) / this.bw);
    return Math.max(this.lo, Math.min(this.hi, d));
  }

  attachDrag(root) {
    let start = null;
    root.addEventListener('pointerdown', e => {
      if (e.button !== 0) return;
      this.stop();
      start = this.dayAt(e.clientX);
      root.setPointerCapture(e.pointerId);
      this.sel = [start, start];
      this.drawSel();
      e.preventDefault();
    });
    root.addEventListener('pointermove', e => {
      if (start === null) return;
      const d = this.dayAt(e.clientX);
      this.sel = [Math.min(start, d), Math.max(start, d)];
      this.drawSel();
    });
    const end = () => {
      if (start === null) return;
      start = null;
      const [a, b] = this.sel;
      this.onSelect(isoOf(a), isoOf(b), false);
    };
    root.addEventListener('pointerup', end);
    root.addEventListener('pointercancel', end);
  }

  drawSel() {
    const [a, b] = this.sel;
    this.selRect.setAttribute('x', (a - this.lo) * this.bw);
    this.selRect.setAttribute('width', (b - a + 1) * this.bw);
    this.label.textContent = a === b ? isoOf(a) : `${isoOf(a)} to ${isoOf(b)}`;
  }

  togglePlay() {
    if (this.timer) { this.stop(); return; }
    if (!this.days.length) return;
    const first = this.days[0], last = this.days[this.days.length - 1];
    const width = this.sel ? this.sel[1] - this.sel[0] : 0;
    let a = this.sel && this.sel[1] < last ? this.sel[0] + 1 : first;
    this.playBtn.textContent = '❚❚ pause';
    this.playBtn.classList.add('playing');
    const step = () => {
      if (a > last) { this.stop(); return; }
      this.onSelect(isoOf(a), isoOf(a + width), true);
      a += 1;
    };
    step();
    this.timer = setInterval(step, PLAY_STEP_MS);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playBtn.textContent = '▶ play';
    this.playBtn.classList.remove('playing');
  }

  destroy() { this.stop(); this.resize.disconnect(); }
}
