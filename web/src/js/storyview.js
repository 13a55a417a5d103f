// storyview.js - one story: the outlets' accounts side by side, one column
// per outlet (first and last report, toll, injured, arrested, the names each
// uses for the actors, the place, who it cites, its sentences), the rows where
// they disagree flagged, and the reports on a small timeline.
import {h, svg, fmtNum, extLink} from './dom.js';
import * as api from './api.js';
import {href} from './state.js';
import {typeClass} from './types.js';

export async function renderStory(el, id) {
  el.append(h('p', {class: 'loading'}, 'Loading story…'));
  let story;
  try { story = await api.get('stories/' + encodeURIComponent(id)); } catch (e) {
    el.replaceChildren(h('p', {class: 'error'}, `Story ${id}: ${e.message}`));
    return;
  }
  const cols = outletColumns(story.accounts || []);
  // fields the API flags as disagreeing ({field, ...} or a field name)
  const flagged = new Set((story.disagreements || []).map(d => typeof d === 'string' ? d : d && d.field));

  // rows: [label, key, cell(col) -> node|string, compare value(col) or null]
  const rows = [
    ['First report', 'first', c => c.first || '—', null],
    ['Last report', 'last', c => c.last || '—', null],
    ['Reports', 'reports', c => String(c.reports.length), null],
    ['Type', 'event_type', c => join(c, 'event_type'), c => join(c, 'event_type')],
    ['Date', 'event_date', c => join(c, 'event_date'), c => join(c, 'event_date')],
    ['Fatalities', 'fatalities', c => num(c.fatalities), c => c.fatalities],
    ['Injured', 'injured', c => num(c.injured), c => c.injured],
    ['Arrested', 'arrests', c => num(c.arrests), c => c.arrests],
    ['Actors, in its words', 'actors', c => actorNames(c),
      c => distinct(c.reports.flatMap(r => [r.actor1, r.actor2])).sort().join('|')],
    ['Place', 'location', c => distinct(c.reports.map(r => [r.location, r.admin1, r.country].filter(Boolean).join(', '))).join('; ') || '—',
      c => join(c, 'location')],
    ['Its source', 'attribution', c => join(c, 'attribution'), null],
  ];

  const table = h('table', {class: 'accounts', id: 'accounts'});
  table.append(h('thead', null, h('tr', null, h('th', null, ''),
    cols.map(c => h('th', {scope: 'col', class: 'outlet', dataset: {outlet: c.outlet}}, c.outlet)))));
  const tbody = h('tbody');
  for (const [label, key, cell, cmp] of rows) {
    const values = cmp ? cols.map(cmp).filter(v => v !== null && v !== undefined && v !== '' && v !== '—') : [];
    const differs = new Set(values).size > 1 || flagged.has(key);
    tbody.append(h('tr', {class: differs ? 'disagree' : null, dataset: {row: key}},
      h('th', {scope: 'row'}, label, differs ? h('span', {class: 'flag', title: 'the outlets disagree'}, ' ⚠ differ') : null),
      cols.map(c => h('td', {dataset: {row: key}}, cell(c)))));
  }
  tbody.append(h('tr', {dataset: {row: 'reports-list'}}, h('th', {scope: 'row'}, 'Reports'),
    cols.map(c => h('td', {class: 'words'}, c.reports.map(r => report(r))))));
  table.append(tbody);

  const title = (cols[0] && cols[0].reports[0] && cols[0].reports[0].title) || '';
  const nReports = cols.reduce((n, c) => n + c.reports.length, 0);
  el.replaceChildren(h('div', {class: 'storyview'},
    h('h1', null, `Story ${story.story !== undefined ? story.story : ''}`, title ? ': ' : '', title),
    h('p', {class: 'hint'}, `${cols.length} outlet${cols.length === 1 ? '' : 's'}, ${nReports} report${nReports === 1 ? '' : 's'}` +
      (story.languages && story.languages.length ? ` in ${story.languages.join(', ')}` : '') +
      '. Rows marked ⚠ are where their accounts differ.'),
    reportTimeline(cols),
    h('div', {class: 'accounts-wrap'}, table),
    h('p', null, h('a', {href: api.url('stories/' + encodeURIComponent(id))}, 'this story as JSON'))));
}

function num(v) { return v === null || v === undefined ? '—' : fmtNum(v); }
function distinct(xs) { return [...new Set(xs.filter(v => v !== null && v !== undefined && v !== ''))]; }
function join(c, k) { return distinct(c.reports.map(r => r[k])).join('; ') || '—'; }

// "Civilians (Syria): civils" per actor the outlet names, from actor_names.
function actorNames(c) {
  const by = new Map();
  for (const r of c.reports) {
    for (const a of [r.actor1, r.actor2]) if (a && !by.has(a)) by.set(a, new Set());
    for (const [actor, names] of Object.entries(r.actor_names || {})) {
      if (!by.has(actor)) by.set(actor, new Set());
      for (const n of names) by.get(actor).add(n);
    }
  }
  if (!by.size) return '—';
  return [...by].map(([actor, names]) => h('div', {class: 'actor'}, actor,
    names.size ? h('span', {class: 'names'}, ': “' + [...names].join('”, “') + '”') : null));
}

// accounts (one per article) -> one column per outlet, earliest first; an
// article with no outlet (a file) is a column of its own, named by its document
function outletColumns(accounts) {
  const by = new Map();
  for (const a of accounts) {
    const outlet = a.outlet || a.doc || '(unknown)';
    if (!by.has(outlet)) by.set(outlet, {outlet, reports: []});
    by.get(outlet).reports.push(a);
  }
  const cols = [...by.values()];
  for (const c of cols) {
    const times = c.reports.map(r => r.published || '').filter(Boolean).sort();
    c.first = times[0] || null;
    c.last = times[times.length - 1] || null;
    const maxOf = k => {
      const vs = c.reports.map(r => r[k]).filter(v => typeof v === 'number');
      return vs.length ? Math.max(...vs) : null;
    };
    c.fatalities = maxOf('fatalities'); c.injured = maxOf('injured'); c.arrests = maxOf('arrests');
  }
  cols.sort((a, b) => (a.first || '9999').localeCompare(b.first || '9999') || a.outlet.localeCompare(b.outlet));
  return cols;
}

function report(r) {
  return h('div', {class: 'report'},
    h('div', {class: 'report-title'}, r.title || '(no title)'),
    h('div', {class: 'report-meta'}, r.published || (r.text_date ? `${r.text_date}, read from its text` : r.date_unknown ? 'date unknown' : 'publication date unknown'), r.lang ? ` · ${r.lang}` : '',
      r.dup_of ? ' · a copy' : '', r.url ? [' · ', extLink(r.url, 'page')] : null),
    (r.events || []).map(e => h('p', {class: 'sentence'},
      h('a', {href: href('event', e.id), class: 'to-event', title: 'the event and its evidence'},
        h('i', {class: 'chip ' + typeClass(e.event_type)}), e.sub_event_type || e.event_type || 'event'),
      ': ', e.notes || '')));
}

// The reports on a line of time: one dot per report, one lane per outlet.
function reportTimeline(cols) {
  const pts = [];
  cols.forEach((c, lane) => c.reports.forEach(r => {
    const t = Date.parse(r.published || '');
    if (!Number.isNaN(t)) pts.push({t, lane, r, outlet: c.outlet});
  }));
  if (!pts.length) return h('p', {class: 'hint'}, 'No report is dated.');
  const lo = Math.min(...pts.map(p => p.t)), hi = Math.max(...pts.map(p => p.t));
  const W = 640, lane = 16, H = cols.length * lane + 24, L = 170;
  const x = t => L + (hi === lo ? (W - L) / 2 : (t - lo) / (hi - lo) * (W - L - 10));
  const root = svg('svg', {class: 'report-timeline', width: W, height: H, viewBox: `0 0 ${W} ${H}`});
  cols.forEach((c, i) => root.append(svg('text', {x: 0, y: i * lane + 12, class: 'lane'}, c.outlet.slice(0, 26))));
  for (const p of pts) {
    root.append(svg('circle', {cx: x(p.t), cy: p.lane * lane + 8, r: 5, class: 'report-dot'},
      svg('title', null, `${p.outlet}: ${p.r.published}`)));
  }
  root.append(svg('text', {x: L, y: H - 4, class: 'tick'}, new Date(lo).toISOString().slice(0, 16).replace('T', ' ')));
  if (hi > lo) root.append(svg('text', {x: W - 10, y: H - 4, class: 'tick end'}, new Date(hi).toISOString().slice(0, 16).replace('T', ' ')));
  return root;
}
