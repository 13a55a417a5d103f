// state.js - every view's state lives in the URL's fragment, so a link shows
// the same thing to whoever opens it: #/map?event_type=Battles&date_from=...,
// #/event/ID, #/story/ID, #/search?q=...

// The filters the map, list, timeline and exports share; the names are the
// API's (/api/events), so the state passes to the server as it is.
export const FILTERS = ['date_from', 'date_to', 'country', 'admin1', 'event_type',
  'sub_event_type', 'actor', 'outlet', 'lang', 'story', 'min_confidence',
  'min_fatalities', 'q'];

// {view: 'map', id: null, params: URLSearchParams}
export function parse(hash = location.hash) {
  const s = hash.replace(/^#\/?/, '');
  const qi = s.indexOf('?');
  const path = (qi < 0 ? s : s.slice(0, qi)).split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(qi < 0 ? '' : s.slice(qi + 1));
  return {view: path[0] || 'map', id: path[1] || null, params};
}

export function href(view, id, params) {
  let s = '#/' + view;
  if (id !== null && id !== undefined) s += '/' + encodeURIComponent(id);
  const q = params ? new URLSearchParams(params) : null;
  if (q) for (const [k, v] of [...q]) if (v === '') q.delete(k);
  const qs = q ? q.toString() : '';
  return qs ? s + '?' + qs : s;
}

// Go to a new state: a history entry, so Back works.
export function go(view, id, params) {
  location.hash = href(view, id, params);
}

// Change the current state without a history entry (map moves, play).
export function replace(view, id, params) {
  history.replaceState(null, '', href(view, id, params));
}

// The filters of a state only, as API parameters.
export function filters(params, drop = []) {
  const out = new URLSearchParams();
  for (const k of FILTERS) {
    if (drop.includes(k)) continue;
    for (const v of params.getAll(k)) if (v !== '') out.append(k, v);
  }
  return out;
}
