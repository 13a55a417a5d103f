// dom.js - building the page from data. Every string goes in as a text node:
// article text, titles and outlet names come from hostile pages, so nothing
// here (or anywhere in web/) assigns innerHTML or insertAdjacentHTML.

// h('a', {href: '#/x', class: 'c', dataset: {id: 1}, onclick: f}, 'text', child...)
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Links to our own views, the API, or http(s) pages; anything else
// (javascript:, data:, vbscript:) becomes an inert '#'.
export function safeHref(url) {
  if (url.startsWith('#') || url.startsWith('/') || url.startsWith('?')) return url;
  try {
    const u = new URL(url, location.href);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch (e) { /* not a URL */ }
  return '#';
}

// An outside link: opened in a new tab without giving it our window.
export function extLink(url, text) {
  const href = safeHref(url || '');
  if (href === '#') return h('span', null, text || url || '');
  return h('a', {href, target: '_blank', rel: 'noopener noreferrer nofollow'}, text || href);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function fmtNum(n) {
  return n === null || n === undefined ? '' : Number(n).toLocaleString('en');
}
