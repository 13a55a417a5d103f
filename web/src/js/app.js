// app.js - the router: reads the URL's fragment (state.js), shows the view it
// names, and keeps the map view alive while only its filters change.
import {h, clear} from './dom.js';
import * as state from './state.js';
import {MapView} from './mapview.js';
import {renderEvent} from './eventview.js';
import {renderStory} from './storyview.js';
import {renderSearch} from './searchview.js';

const main = document.getElementById('view');
const status = document.getElementById('status');
let current = {view: null, id: null, map: null};

function ctxFor(view, id) {
  return {
    // a new state for this view: a history entry unless replace; quiet when
    // the view has already drawn it (a map move)
    set(params, opts = {}) {
      if (opts.replace) {
        state.replace(view, id, params);
        if (!opts.quiet) render();
      } else {
        state.go(view, id, params);
      }
    },
    open(v, i, params) { state.go(v, i, params); },
  };
}

function render() {
  const s = state.parse();
  status.textContent = '';
  status.classList.remove('error');
  for (const a of document.querySelectorAll('header nav a')) a.classList.toggle('here', a.dataset.view === s.view);
  document.body.dataset.view = s.view;
  if (s.view === 'map' && current.view === 'map' && current.map) {
    current.map.update(s.params);
    return;
  }
  if (current.map) current.map.destroy();
  current = {view: s.view, id: s.id, map: null};
  clear(main);
  window.scrollTo(0, 0);
  // each view draws into its own box: a late answer for a view left since
  // lands in a detached box, not over the next view
  const box = h('div', {class: 'view-box'});
  main.append(box);
  switch (s.view) {
    case 'map':
      current.map = new MapView(box, ctxFor('map', null));
      current.map.update(s.params);
      break;
    case 'event':
      renderEvent(box, s.id);
      break;
    case 'story':
      renderStory(box, s.id);
      break;
    case 'search':
      renderSearch(box, s.params, ctxFor('search', null));
      break;
    default:
      box.append(h('p', {class: 'error'}, 'No such view: ', s.view, '. '), h('a', {href: '#/map'}, 'Back to the map'));
  }
}

document.getElementById('quick-search').addEventListener('submit', e => {
  e.preventDefault();
  const q = e.target.elements.q.value.trim();
  state.go('search', null, new URLSearchParams(q ? {q} : {}));
});
window.addEventListener('hashchange', render);
render();
