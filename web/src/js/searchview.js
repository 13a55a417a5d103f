// searchview.js - full-text search over the articles: each hit's title,
// outlet, a snippet with the query's words marked, and its events.
import {h, fmtNum, extLink} from './dom.js';
import * as api from './api.js';
import {href} from './state.js';
import {typeClass} from './types.js';

const PAGE = 25;

export async function renderSearch(el, params, ctx) {
  const q = params.get('q') || '';
  const input = h('input', {type: 'search', name: 'q', value: q, id: 'search-q', placeholder: 'words, "a phrase", word*', 'aria-label': 'Search'});
  const form = h('form', {class: 'search-form', role: 'search'}, input, h('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    ctx.set(new URLSearchParams({q: input.value.trim()}));
  });
  const results = h('ol', {class: 'hits', id: 'hits'});
  const head = h('p', {class: 'hint'});
  el.append(h('div', {class: 'searchview'}, h('h1', null, 'Search'), form, head, results));
  if (!q) { head.textContent = 'Full-text search over every stored article, in every language.'; return; }
  let r, evs;
  try {
    // the hits, and the events of the articles the same words find (one request, grouped below)
    [r, evs] = await Promise.all([api.get('search', {q, limit: PAGE}, 'search'),
      api.get('events', {q, limit: 1000}, 'search-events')]);
  } catch (e) {
    if (api.isAbort(e)) return;
    head.textContent = e.parameter ? `${e.parameter}: ${e.message}` : e.message;
    head.classList.add('error');
    return;
  }
  const hits = r.results || r.hits || [];
  head.textContent = `${fmtNum(r.total !== undefined ? r.total : hits.length)} article(s) for “${q}”.`;
  const byArticle = new Map();
  for (const e of evs.events || []) {
    if (!byArticle.has(e.article)) byArticle.set(e.article, new Map());
    byArticle.get(e.article).set(e.id, e);
  }
  for (const a of hits) {
    const events = a.events || [];
    const known = byArticle.get(a.article) || new Map();
    const id = a.article !== undefined ? a.article : a.id;
    const target = events.length ? href('event', events[0]) : api.url('articles/' + encodeURIComponent(id));
    results.append(h('li', {class: 'hit'},
      h('div', {class: 'hit-title'}, h('a', {href: target}, a.title || '(no title)')),
      h('div', {class: 'hit-meta'}, [a.outlet, a.published, a.lang].filter(Boolean).join(' · '),
        a.url ? [' · ', extLink(a.url, 'page')] : null,
        a.story ? [' · ', h('a', {href: href('story', a.story)}, 'story')] : null),
      h('p', {class: 'snippet'}, marked(a.snippet || '')),
      events.length ? h('ul', {class: 'hit-events'}, events.map((id, i) => {
        const e = known.get(id);
        return h('li', null, h('a', {href: href('event', id)},
          h('i', {class: 'chip ' + typeClass(e && e.event_type)}),
          e ? [e.event_date || 'undated', ' · ', e.sub_event_type || e.event_type || '', ' · ',
            [e.location, e.country].filter(Boolean).join(', '),
            e.fatalities ? ` · ${fmtNum(e.fatalities)} killed` : ''] : `event ${i + 1}`));
      })) : null));
  }
}

// The snippet as text nodes; the words the search matched, [bracketed] by the
// API, in <mark>.
function marked(text) {
  return text.split(/\[([^\[\]]*)\]/).map((part, i) => i % 2 ? h('mark', null, part) : part);
}
