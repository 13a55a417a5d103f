// facets.js - the filters as facets with counts (from /api/stats), plus the
// free inputs (text, actor, minimum confidence and toll). A click adds or
// removes a value; the state goes to the URL through onChange(params).
import {h, clear, fmtNum} from './dom.js';
import {typeClass} from './types.js';

// [param, title, key of /api/stats] in display order
const FACETS = [
  ['event_type', 'Type', 'event_type'],
  ['sub_event_type', 'Sub-type', 'sub_event_type'],
  ['country', 'Country', 'country'],
  ['outlet', 'Outlet', 'outlet'],
  ['lang', 'Language', 'lang'],
];
const INPUTS = [
  ['q', 'Text', 'search', 'words in the article'],
  ['actor', 'Actor', 'text', 'name or part of it'],
  ['min_confidence', 'Confidence ≥', 'number', '0 to 1'],
  ['min_fatalities', 'Fatalities ≥', 'number', '0'],
];
const MAX_VALUES = 12;

export function renderFacets(el, stats, params, onChange) {
  clear(el);
  el.append(h('h2', null, 'Filters'));
  const form = h('form', {class: 'inputs'});
  for (const [k, label, type, ph] of INPUTS) {
    const attrs = {type, name: k, value: params.get(k) || '', placeholder: ph};
    if (type === 'number') Object.assign(attrs, {min: 0, step: k === 'min_confidence' ? 0.05 : 1});
    if (k === 'min_confidence') attrs.max = 1;
    form.append(h('label', null, h('span', null, label), h('input', attrs)));
  }
  form.append(h('button', {type: 'submit'}, 'Apply'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const p = new URLSearchParams(params);
    for (const [k] of INPUTS) {
      const v = form.elements[k].value.trim();
      if (v) p.set(k, v); else p.delete(k);
    }
    onChange(p);
  });
  el.append(form);

  for (const [k, title, key] of FACETS) {
    const values = (stats && stats[key]) || [];
    const chosen = params.getAll(k);
    if (!values.length && !chosen.length) continue;
    const ul = h('ul', {class: 'facet', 'data-facet': k});
    // /api/stats: {key, label?, n}; a chosen value outside the top ones stays shown
    const shown = values.slice(0, MAX_VALUES).map(v => ({value: v.key, label: v.label || v.key, count: v.n}));
    for (const c of chosen) if (!shown.some(v => v.value === c)) shown.unshift({value: c, label: c, count: 0});
    for (const v of shown) {
      const on = chosen.includes(v.value);
      // one value per facet (the API takes one): a click picks it or drops it
      const toggle = () => {
        const p = new URLSearchParams(params);
        if (on) p.delete(k); else p.set(k, v.value);
        p.delete('cursor');
        onChange(p);
      };
      ul.append(h('li', {class: on ? 'on' : null},
        h('button', {type: 'button', class: 'facet-value', 'aria-pressed': on ? 'true' : 'false', onclick: toggle},
          k === 'event_type' ? h('i', {class: 'chip ' + typeClass(v.value)}) : null,
          h('span', {class: 'v', title: v.value}, v.label === null || v.label === '' ? '(none)' : v.label),
          h('span', {class: 'n'}, fmtNum(v.count)))));
    }
    el.append(h('section', {class: 'facet-box'}, h('h3', null, title), ul));
  }
}
