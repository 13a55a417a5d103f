// mapview.js - the Map view: facets | map over timeline | list of events.
// The map shows every filtered event (events.geojson) as a marker coloured by
// type and sized by fatalities, clustered; the timeline is the date filter;
// "only what is on the map" adds the map's bbox to the list's query.
/* global L */
import {h, clear, fmtNum} from './dom.js';
import * as api from './api.js';
import {filters, href} from './state.js';
import {typeClass, markerSize, TYPES} from './types.js';
import {countries} from './outlines.js';
import {Timeline} from './timeline.js';
import {renderFacets} from './facets.js';

const LIST_PAGE = 50;
const GEO_LIMIT = 10000;   // markers drawn at most; the list says when there are more

export class MapView {
  // ctx.set(params, {replace, quiet}): change this view's URL state (app.js);
  // quiet: the view has already drawn it. ctx.open(view, id): another view.
  constructor(parent, ctx) {
    this.ctx = ctx;
    this.facets = h('aside', {class: 'facets', id: 'facets'});
    this.mapEl = h('div', {class: 'map', id: 'map'});
    this.listEl = h('ol', {class: 'event-list', id: 'event-list'});
    this.listHead = h('div', {class: 'list-head'});
    this.more = h('button', {type: 'button', class: 'more', hidden: true, onclick: () => this.loadList(true)}, 'more');
    this.onMap = h('input', {type: 'checkbox', id: 'onmap', onchange: () => this.setParam('onmap', this.onMap.checked ? '1' : null)});
    this.exports = h('div', {class: 'exports'});
    const center = h('div', {class: 'center'}, this.mapEl);
    const list = h('section', {class: 'list', 'aria-label': 'Events'},
      h('label', {class: 'onmap'}, this.onMap, ' only what is on the map'),
      this.listHead, this.listEl, this.more, this.exports);
    this.root = h('div', {class: 'mapview'}, this.facets, center, list);
    parent.append(this.root);
    this.timeline = new Timeline(center, (from, to, replace) => {
      const p = new URLSearchParams(this.params);
      if (from) p.set('date_from', from); else p.delete('date_from');
      if (to) p.set('date_to', to); else p.delete('date_to');
      this.ctx.set(p, {replace});
    });

    this.map = L.map(this.mapEl, {worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5, preferCanvas: false});
    this.map.setView([20, 10], 2);
    this.map.attributionControl.addAttribution('Outlines: Natural Earth');
    countries().then(fc => {
      L.geoJSON(fc, {interactive: false, style: () => ({className: 'country'})}).addTo(this.map).bringToBack();
      this.root.dataset.outlines = fc.features.length;
    }).catch(e => console.warn(e.message));
    this.map.addControl(legend());
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: c => clusterIcon(c),
    });
    this.map.addLayer(this.cluster);
    this.map.on('moveend', () => this.moved());
    this.params = null;
  }

  setParam(k, v) {
    const p = new URLSearchParams(this.params);
    if (v === null) p.delete(k); else p.set(k, v);
    this.ctx.set(p);
  }

  moved() {
    if (this.moving) return;
    const c = this.map.getCenter();
    const at = `${c.lat.toFixed(3)},${c.lng.toFixed(3)},${this.map.getZoom()}`;
    if (this.params.get('at') === at) return;
    const p = new URLSearchParams(this.params);
    p.set('at', at);
    this.params = p;
    this.ctx.set(p, {replace: true, quiet: true});
    if (p.get('onmap') === '1') this.loadList(false);
  }

  // A new state (first visit, back/forward, a filter): fetch what changed.
  update(params) {
    const prev = this.params;
    this.params = params;
    const f = filters(params).toString();
    const fNoDate = filters(params, ['date_from', 'date_to']).toString();
    this.onMap.checked = params.get('onmap') === '1';
    this.applyAt(params.get('at'));
    if (!prev || filters(prev).toString() !== f) {
      this.loadMarkers();
      this.loadFacets();
    }
    if (!prev || filters(prev, ['date_from', 'date_to']).toString() !== fNoDate) this.loadTimeline();
    else this.timeline.setSelection(params.get('date_from'), params.get('date_to'));
    if (!prev || filters(prev).toString() !== f || (prev.get('onmap') || '') !== (params.get('onmap') || '')) this.loadList(false);
    this.renderExports();
  }

  applyAt(at) {
    const m = /^(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(at || '');
    if (!m) return false;
    const c = this.map.getCenter();
    if (Math.abs(c.lat - m[1]) < 1e-3 && Math.abs(c.lng - m[2]) < 1e-3 && this.map.getZoom() === Number(m[3])) return true;
    this.moving = true;
    this.map.setView([Number(m[1]), Number(m[2])], Number(m[3]), {animate: false});
    this.moving = false;
    return true;
  }

  async loadMarkers() {
    const p = filters(this.params);
    p.set('limit', GEO_LIMIT);
    let fc;
    try { fc = await api.get('events.geojson', p, 'geojson'); } catch (e) { return this.failed(e); }
    this.cluster.clearLayers();
    const markers = [];
    for (const f of fc.features || []) {
      if (!f.geometry || f.geometry.type !== 'Point') continue;
      const [lon, lat] = f.geometry.coordinates;
      markers.push(eventMarker(f.properties || {}, lat, lon, id => this.ctx.open('event', id)));
    }
    this.cluster.addLayers(markers);
    this.root.dataset.markers = markers.length;
    if (!this.params.get('at') && markers.length) {
      this.moving = true;
      this.map.fitBounds(this.cluster.getBounds(), {padding: [30, 30], maxZoom: 6, animate: false});
      this.moving = false;
    }
    this.root.dataset.loaded = (Number(this.root.dataset.loaded) || 0) + 1;
  }

  async loadFacets() {
    let s;
    try { s = await api.get('stats', filters(this.params), 'facets'); } catch (e) { return this.failed(e); }
    renderFacets(this.facets, s, this.params, p => this.ctx.set(p));
  }

  // The timeline: counts per day and type (/api/stats day_type: key the day,
  // label the type) with every filter but the dates, which it selects.
  async loadTimeline() {
    const base = filters(this.params, ['date_from', 'date_to']);
    let s;
    try { s = await api.get('stats', base, 'timeline'); } catch (e) { return this.failed(e); }
    const rows = (s.day_type || []).map(r => ({date: r.key, event_type: r.label, count: r.n}));
    this.timeline.render(rows, this.params.get('date_from'), this.params.get('date_to'));
    this.root.dataset.timelineLoaded = (Number(this.root.dataset.timelineLoaded) || 0) + 1;
  }

  listQuery() {
    const p = filters(this.params);
    p.set('limit', LIST_PAGE);
    if (this.params.get('onmap') === '1') {
      const b = this.map.getBounds();
      const cl = (v, m) => Math.max(-m, Math.min(m, v)).toFixed(4);
      p.set('bbox', [cl(b.getWest(), 180), cl(b.getSouth(), 90), cl(b.getEast(), 180), cl(b.getNorth(), 90)].join(','));
    }
    return p;
  }

  async loadList(more) {
    const p = this.listQuery();
    if (more && this.cursor) p.set('cursor', this.cursor);
    if (!more) p.set('total', 'true');
    let r;
    try { r = await api.get('events', p, 'list'); } catch (e) { return this.failed(e); }
    if (!more) {
      clear(this.listEl);
      this.listHead.textContent = r.total !== undefined && r.total !== null
        ? `${fmtNum(r.total)} event${r.total === 1 ? '' : 's'}` : '';
    }
    for (const ev of r.events || []) this.listEl.append(listItem(ev));
    if (!more && !(r.events || []).length) this.listEl.append(h('li', {class: 'empty'}, 'No event matches these filters.'));
    this.cursor = r.next_cursor || null;
    this.more.hidden = !this.cursor;
    this.root.dataset.listLoaded = (Number(this.root.dataset.listLoaded) || 0) + 1;
  }

  renderExports() {
    clear(this.exports);
    const f = filters(this.params);
    this.exports.append(h('span', null, 'Export: '),
      h('a', {href: api.url('events.csv', f), download: 'vigie-events.csv'}, 'CSV'), ' ',
      h('a', {href: api.url('events.geojson', f), download: 'vigie-events.geojson'}, 'GeoJSON'), ' ',
      h('a', {href: api.url('events.jsonl', f), download: 'vigie-events.jsonl'}, 'JSONL'));
  }

  failed(e) {
    if (api.isAbort(e)) return;
    const s = document.getElementById('status');
    s.textContent = e.parameter ? `${e.parameter}: ${e.message}` : e.message;
    s.classList.add('error');
  }

  destroy() {
    this.timeline.destroy();
    this.map.remove();
    this.root.remove();
  }
}

function eventId(p) { return p.id !== undefined ? p.id : p.event_id_cnty; }

function eventMarker(p, lat, lon, open) {
  const size = markerSize(p.fatalities);
  const dot = h('span', {class: 'dot ' + typeClass(p.event_type)});
  const icon = L.divIcon({html: dot, className: 'ev-marker', iconSize: [size, size]});
  const m = L.marker([lat, lon], {icon, title: `${p.event_date || ''} ${p.event_type || ''} ${p.location || ''}`.trim(), keyboard: true});
  m.eventId = eventId(p);
  m.eventType = p.event_type;
  m.on('click', () => open(m.eventId));
  return m;
}

// The colours of the types, and what a marker's size says.
function legend() {
  const Legend = L.Control.extend({
    options: {position: 'bottomleft'},
    onAdd: () => h('div', {class: 'legend'},
      TYPES.map(t => h('div', null, h('i', {class: 'chip ' + typeClass(t)}), t)),
      h('div', {class: 'legend-size'}, 'size: fatalities')),
  });
  return new Legend();
}

// A cluster: its count, ringed by the share of each type among its events.
function clusterIcon(c) {
  const ms = c.getAllChildMarkers();
  const n = ms.length;
  const size = n < 10 ? 30 : n < 100 ? 38 : 46;
  const counts = new Map();
  for (const m of ms) counts.set(m.eventType, (counts.get(m.eventType) || 0) + 1);
  let main = null, best = 0;
  for (const [t, k] of counts) if (k > best) { best = k; main = t; }
  const el = h('div', {class: 'cluster ' + typeClass(main)}, h('span', null, String(n)));
  return L.divIcon({html: el, className: 'ev-cluster', iconSize: [size, size]});
}

function listItem(ev) {
  const id = eventId(ev);
  return h('li', {class: 'event-item', dataset: {id: String(id)}},
    h('a', {href: href('event', id)},
      h('i', {class: 'chip ' + typeClass(ev.event_type), title: ev.event_type || ''}),
      h('span', {class: 'date'}, ev.event_date || ''),
      h('span', {class: 'where'}, [ev.location, ev.country].filter(Boolean).join(', ')),
      ev.fatalities ? h('span', {class: 'toll', title: 'fatalities'}, '✝ ' + fmtNum(ev.fatalities)) : null),
    h('div', {class: 'what'}, ev.sub_event_type || ev.event_type || '',
      ev.actor1 ? ' · ' + ev.actor1 : '', ev.actor2 ? ' / ' + ev.actor2 : ''),
    h('div', {class: 'src'}, ev.source || ''));
}
