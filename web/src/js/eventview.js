// eventview.js - one event: its fields, then the article text with the words
// behind each field highlighted (hover a field to see its words, hover the
// words to see their fields), its confidence and its story.
import {h, fmtNum, extLink} from './dom.js';
import * as api from './api.js';
import {href} from './state.js';
import {typeClass} from './types.js';
import {locate, segments} from './spans.js';

// [field, label]; fields with evidence get a hover link to their words
const FIELDS = [
  ['event_date', 'Date'], ['event_type', 'Type'], ['sub_event_type', 'Sub-type'],
  ['actor1', 'Actor 1'], ['actor2', 'Actor 2'], ['interaction', 'Interaction'],
  ['country', 'Country'], ['admin1', 'Admin 1'], ['location', 'Location'],
  ['fatalities', 'Fatalities'], ['injured', 'Injured'], ['arrests', 'Arrests'],
  ['attribution', 'Attributed to'], ['source', 'Source'], ['notes', 'Notes'],
];

export async function renderEvent(el, id) {
  el.append(h('p', {class: 'loading'}, 'Loading event…'));
  let body;
  try { body = await api.get('events/' + encodeURIComponent(id)); } catch (e) {
    el.replaceChildren(h('p', {class: 'error'}, `Event ${id}: ${e.message}`));
    return;
  }
  const ev = body.event || body;
  const art = body.article || ev.article || {};
  const evidence = body.evidence || ev.evidence || [];
  const text = art.text || '';
  const spans = locate(text, evidence);
  const withEvidence = new Set(spans.map(s => s.field));

  const rows = h('dl', {class: 'fields'});
  for (const [k, label] of FIELDS) {
    let v = ev[k];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number') v = fmtNum(v);
    const has = withEvidence.has(k);
    rows.append(h('div', {class: 'field' + (has ? ' has-evidence' : ''), dataset: {field: k}, tabindex: has ? 0 : null},
      h('dt', null, label), h('dd', null, k === 'event_type' ? h('i', {class: 'chip ' + typeClass(v)}) : null, String(v))));
  }
  if (ev.latitude !== null && ev.latitude !== undefined) {
    rows.append(h('div', {class: 'field'}, h('dt', null, 'Coordinates'),
      h('dd', null, `${Number(ev.latitude).toFixed(4)}, ${Number(ev.longitude).toFixed(4)}`,
        ev.geo_precision ? ` (precision ${ev.geo_precision})` : '')));
  }
  if (ev.confidence !== null && ev.confidence !== undefined) {
    const c = Number(ev.confidence);
    rows.append(h('div', {class: 'field confidence'}, h('dt', null, 'Confidence'),
      h('dd', null, h('meter', {min: 0, max: 1, value: c}), ' ' + c.toFixed(2))));
  }
  const storyId = ev.story !== undefined ? ev.story : ev.story_id;
  if (storyId !== null && storyId !== undefined) {
    rows.append(h('div', {class: 'field story'}, h('dt', null, 'Story'),
      h('dd', null, h('a', {href: href('story', storyId), id: 'story-link'}, `story ${storyId}: every outlet's account`))));
  }

  const article = h('div', {class: 'article-text', id: 'article-text'});
  for (const seg of segments(text, spans)) {
    if (!seg.fields.length) { article.append(document.createTextNode(seg.text)); continue; }
    article.append(h('mark', {class: 'evidence', dataset: {fields: seg.fields.join(' ')}, title: seg.fields.join(', ')}, seg.text));
  }
  const meta = h('p', {class: 'article-meta'},
    art.outlet ? h('span', {class: 'outlet'}, art.outlet) : null,
    art.published ? ` · ${art.published}` : '', art.lang ? ` · ${art.lang}` : '',
    art.url ? [' · ', extLink(art.url, 'original page')] : null,
    art.id !== undefined ? [' · ', h('a', {href: api.url('articles/' + encodeURIComponent(art.id))}, 'JSON')] : null);

  el.replaceChildren(h('div', {class: 'eventview'},
    h('section', {class: 'event-fields'},
      h('h1', null, h('i', {class: 'chip ' + typeClass(ev.event_type)}), `${ev.event_type || 'Event'} · ${ev.location || ev.country || ''}`),
      h('p', {class: 'hint'}, 'Hover a field to see the words it was read from.'),
      rows,
      h('p', null, h('a', {href: api.url('events/' + encodeURIComponent(id))}, 'this event as JSON'))),
    h('section', {class: 'article'},
      h('h2', {class: 'article-title'}, art.title || '(no title)'), meta, article)));

  wireHover(rows, article);
}

function wireHover(rows, article) {
  const marks = [...article.querySelectorAll('mark.evidence')];
  const light = (field, on) => {
    for (const m of marks) if (m.dataset.fields.split(' ').includes(field)) m.classList.toggle('lit', on);
    for (const r of rows.querySelectorAll(`.field[data-field="${field}"]`)) r.classList.toggle('lit', on);
  };
  for (const row of rows.querySelectorAll('.field.has-evidence')) {
    const f = row.dataset.field;
    row.addEventListener('mouseenter', () => light(f, true));
    row.addEventListener('mouseleave', () => light(f, false));
    row.addEventListener('focus', () => light(f, true));
    row.addEventListener('blur', () => light(f, false));
    row.addEventListener('click', () => {
      const m = marks.find(x => x.dataset.fields.split(' ').includes(f));
      if (m) m.scrollIntoView({block: 'center', behavior: 'smooth'});
    });
  }
  for (const m of marks) {
    const fs = m.dataset.fields.split(' ');
    m.addEventListener('mouseenter', () => fs.forEach(f => light(f, true)));
    m.addEventListener('mouseleave', () => fs.forEach(f => light(f, false)));
  }
}
