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
  let r;
  try { r = await api.get('search', {q, limit: PAGE}, 'search'); } catch (e) {
    if (api.isAbort(e)) return;
    head.textContent = e.parameter ? `${e.parameter}: ${e.message}` : e.message;
    head.classList.add('error');
    return;
  }
  const hits = r.hits || r.results || r.articles || [];
  head.textContent = `${fmtNum(r.total !== undefined ? r.total : hits.length)} article(s) for “${q}”.`;
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  for (const a of hits) {
    const id = a.article_id !== undefined ? a.article_id : a.id;
    results.append(h('li', {class: 'hit'},
      h('div', {class: 'hit-title'}, h('a', {href: api.url('articles/' + encodeURIComponent(id))}, a.title || '(no title)')),
      h('div', {class: 'hit-meta'}, [a.outlet, a.published, a.lang].filter(Boolean).join(' · '),
        a.url ? [' · ', extLink(a.url, 'page')] : null),
      h('p', {class: 'snippet'}, marked(a.snippet || '', words)),
      h('ul', {class: 'hit-events'}, (a.events || []).map(e => h('li', null,
        h('a', {href: href('event', e.id !== undefined ? e.id : e.event_id_cnty)},
          h('i', {class: 'chip ' + typeClass(e.event_type)}),
          `${e.event_date || ''} ${e.sub_event_type || e.event_type || ''} · ${e.location || e.country || ''}`,
          e.fatalities ? ` · ${e.fatalities} killed` : ''))))));
  }
}

// The snippet as text nodes, with words starting like a query word in <mark>.
function marked(text, words) {
  if (!words.length) return text;
  const re = new RegExp('(' + words.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'giu');
  return text.split(re).map((part, i) => i % 2 ? h('mark', null, part) : part);
}
