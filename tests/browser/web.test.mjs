// web.test.mjs - the web view in headless Chromium against a running
// `vigie serve` (tests/scenarios/web_browser.sh starts it).
// Usage: node web.test.mjs BASE_URL SCREENSHOT_DIR
// Prints PASS/FAIL per check and "N passed, N failed"; exits 1 on any failure.
import {Browser} from './cdp.mjs';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) { console.error('usage: node web.test.mjs BASE_URL SCREENSHOT_DIR'); process.exit(2); }
mkdirSync(shots, {recursive: true});

const api = async (path) => {
  const r = await fetch(base + '/api/' + path);
  if (!r.ok) throw new Error(`/api/${path}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
};
const assert = (ok, msg) => { if (!ok) throw new Error(msg); };
const sleep = ms => new Promise(r => setTimeout(r, ms));

let passed = 0, failed = 0;
async function check(name, fn) {
  try { await fn(); console.log(`PASS ${name}`); passed++; } catch (e) {
    console.log(`FAIL ${name}\n    ${String(e.stack || e).split('\n').slice(0, 6).join('\n    ')}`);
    failed++;
  }
}

const browser = await Browser.launch({executable: process.env.CHROMIUM || '/usr/bin/chromium'});
const page = await browser.newPage();
const errors = () => page.console.filter(m => m.level === 'error');

// What the page should show, from the API itself.
const all = await api('events?limit=1000&total=true');
const geo = await api('events.geojson?limit=10000');
const located = geo.features.filter(f => f.geometry && f.geometry.type === 'Point').length;

async function openMap(hash = '#/map') {
  await page.goto(base + '/' + hash);
  await page.waitFor(`document.querySelector('.mapview') && document.querySelector('.mapview').dataset.loaded >= 1
    && document.querySelector('.mapview').dataset.listLoaded >= 1`, 'the map and list to load');
}
// the ids in the list, in order
const listIds = () => page.eval(`[...document.querySelectorAll('#event-list .event-item')].map(e => e.dataset.id)`);

await check('map: one marker or cluster per event, counts add up', async () => {
  await openMap();
  assert(all.total > 0 && located > 0, `the samples' database has no located event (${all.total}, ${located})`);
  const shown = await page.waitFor(`(() => {
    const singles = document.querySelectorAll('.leaflet-marker-icon.ev-marker').length;
    const inClusters = [...document.querySelectorAll('.leaflet-marker-icon.ev-cluster span')].reduce((n, s) => n + Number(s.textContent), 0);
    return singles + inClusters >= ${located} ? {singles, inClusters} : null; })()`, 'markers');
  assert(shown.singles + shown.inClusters === located, `markers ${JSON.stringify(shown)} for ${located} located events`);
  await page.waitFor(`document.querySelector('.mapview').dataset.outlines`, 'the country outlines');
  const countries = await page.eval(`document.querySelectorAll('path.country').length`);
  assert(countries > 150, `${countries} country outlines drawn`);
  const listed = await page.eval(`document.querySelector('.list-head').textContent`);
  assert(listed.startsWith(String(all.total) + ' event'), `list head '${listed}', API total ${all.total}`);
  await page.screenshot(join(shots, 'map.png'));
});

await check('map: clicking a marker opens its event with the evidence highlighted', async () => {
  await openMap();
  // zoom into clusters until a single marker shows
  for (let i = 0; i < 8 && !(await page.eval(`!!document.querySelector('.leaflet-marker-icon.ev-marker')`)); i++) {
    await page.click('.leaflet-marker-icon.ev-cluster');
    await sleep(700);
  }
  await page.click('.leaflet-marker-icon.ev-marker');
  await page.waitFor(`location.hash.startsWith('#/event/')`, 'the event URL');
  await page.waitFor(`document.querySelectorAll('#article-text mark.evidence').length > 0`, 'evidence marks');
  const id = await page.eval(`decodeURIComponent(location.hash.slice('#/event/'.length))`);
  const ev = await api('events/' + encodeURIComponent(id));
  const evidence = ev.evidence || (ev.event && ev.event.evidence) || [];
  assert(evidence.length > 0, `event ${id} has no evidence in the API`);
  // hover each field with evidence: its words light up, and they are the words the API quoted
  const fields = await page.eval(`[...document.querySelectorAll('.field.has-evidence')].map(e => e.dataset.field)`);
  assert(fields.length > 0, 'no field row has evidence');
  for (const f of fields) {
    await page.hover(`.field.has-evidence[data-field="${f}"]`);
    const lit = await page.eval(`[...document.querySelectorAll('#article-text mark.evidence.lit')].map(m => m.textContent).join('')`);
    const want = evidence.filter(s => s.field === f).map(s => s.text);
    assert(lit.length > 0, `hovering ${f} lights nothing`);
    assert(want.some(w => lit.includes(w.trim())), `hovering ${f} lights '${lit}', the API quotes ${JSON.stringify(want)}`);
  }
  await page.hover(`.field.has-evidence[data-field="${fields[0]}"]`);
  await page.screenshot(join(shots, 'event.png'));
});

await check('map: "only what is on the map" lists the events in view', async () => {
  await openMap('#/map?at=35.5,37.5,6&onmap=1');
  const head = await page.waitFor(`document.querySelector('.list-head').textContent`, 'the list');
  const n = Number(head.split(' ')[0]);
  const items = (await listIds()).length;
  assert(n === items, `list head says ${n}, ${items} items`);
  assert(n > 0 && n < all.total, `${n} events on a map of Syria and around, of ${all.total}`);
  // unticking shows them all again
  await page.click('#onmap');
  await page.waitFor(`document.querySelector('.list-head').textContent.startsWith('${all.total} ')`, 'every event once unticked');
});

let dragged;
await check('timeline: dragging across days filters the list', async () => {
  await openMap();
  const days = await page.waitFor(`(() => { const g = [...document.querySelectorAll('.timeline-svg g.day')];
    return g.length >= 2 ? g.map(d => { const b = d.getBoundingClientRect(); return {date: d.dataset.date, n: Number(d.dataset.count), x: b.left + b.width / 2, y: b.bottom - 2}; }) : null; })()`,
    'two days in the timeline');
  days.sort((a, b) => a.date.localeCompare(b.date));
  const from = days[0], to = days[Math.min(days.length - 2, Math.max(1, Math.floor(days.length / 2)))];
  const want = days.filter(d => d.date >= from.date && d.date <= to.date).reduce((n, d) => n + d.n, 0);
  const before = await page.eval(`document.querySelector('.mapview').dataset.listLoaded`);
  await page.drag(from.x, from.y, to.x, to.y);
  await page.waitFor(`location.hash.includes('date_from=${from.date}') && location.hash.includes('date_to=${to.date}')`, 'the dates in the URL');
  await page.waitFor(`document.querySelector('.mapview').dataset.listLoaded > ${before}`, 'the list to reload');
  const dates = await page.eval(`[...document.querySelectorAll('#event-list .event-item .date')].map(e => e.textContent)`);
  assert(dates.length === want, `${dates.length} events listed for ${from.date}..${to.date}, the timeline counts ${want}`);
  assert(dates.every(d => d >= from.date && d <= to.date), `a listed date is outside ${from.date}..${to.date}: ${dates}`);
  assert(want < all.total, `the selection ${from.date}..${to.date} holds every event: nothing was filtered`);
  dragged = {hash: await page.eval('location.hash'), ids: await listIds(), from: from.date, to: to.date};
  await page.screenshot(join(shots, 'timeline-filtered.png'));
});

await check('URL: a copied link shows the same state', async () => {
  assert(dragged, 'no state from the timeline check');
  // add a facet on top of the dates, then open the URL in a fresh page
  await page.click('.facet[data-facet="event_type"] .facet-value');
  await page.waitFor(`location.hash.includes('event_type=')`, 'the facet in the URL');
  await page.waitFor(`document.querySelector('.facet[data-facet="event_type"] li.on')`, 'the facet drawn as chosen');
  await sleep(300);
  const hash = await page.eval('location.hash');
  const ids = await listIds();
  const label = await page.eval(`document.querySelector('.timeline-label').textContent`);
  const other = await browser.newPage();
  const saved = page;
  try {
    await other.goto(base + '/' + hash);
    await other.waitFor(`document.querySelector('.mapview') && document.querySelector('.mapview').dataset.listLoaded >= 1`, 'the list in the new page');
    await other.waitFor(`document.querySelector('.timeline-svg')`, 'the timeline in the new page');
    const ids2 = await other.eval(`[...document.querySelectorAll('#event-list .event-item')].map(e => e.dataset.id)`);
    const label2 = await other.eval(`document.querySelector('.timeline-label').textContent`);
    const chosen = await other.eval(`[...document.querySelectorAll('.facet li.on .v')].map(e => e.textContent)`);
    assert(JSON.stringify(ids2) === JSON.stringify(ids), `list differs: ${ids2} vs ${ids}`);
    assert(label2 === label, `timeline selection '${label2}' vs '${label}'`);
    assert(chosen.length === 1, `chosen facets in the new page: ${chosen}`);
    for (const m of other.console) if (m.level === 'error') saved.console.push(m);
  } finally {
    await other.close();
  }
  // Back goes to the previous state (history entries, not replaced)
  await page.send('Runtime.evaluate', {expression: 'history.back()'});
  await page.waitFor(`!location.hash.includes('event_type=')`, 'Back to drop the facet');
});

await check('story: one column per outlet, with its toll', async () => {
  // the story with the most articles; a column per outlet (an article with no outlet: per document)
  const list = (await api('stories?limit=100')).stories;
  list.sort((a, b) => b.articles - a.articles);
  const d = await api('stories/' + encodeURIComponent(list[0].id));
  const best = {id: list[0].id, outlets: new Set(d.accounts.map(a => a.outlet || a.doc))};
  assert(best.outlets.size >= 2, `no story with two accounts (${list.length} stories)`);
  await page.goto(base + '/#/story/' + encodeURIComponent(best.id));
  await page.waitFor(`document.querySelector('#accounts')`, 'the accounts table');
  const heads = await page.eval(`[...document.querySelectorAll('#accounts thead th.outlet')].map(e => e.textContent)`);
  assert(heads.length === best.outlets.size, `${heads.length} columns for ${best.outlets.size} outlets: ${heads}`);
  const tolls = await page.eval(`[...document.querySelectorAll('#accounts td[data-row="fatalities"]')].map(e => e.textContent)`);
  assert(tolls.length === heads.length, `${tolls.length} toll cells`);
  assert(tolls.some(t => /\d/.test(t)), `no toll shown: ${tolls}`);
  const links = await page.eval(`document.querySelectorAll('#accounts a.to-event').length`);
  assert(links > 0, 'no report links to its event');
  await page.screenshot(join(shots, 'story.png'));
});

await check('hostile article: its title, text, outlet and URL stay text, no script runs', async () => {
  const hits = await api('events?q=Kaduna&limit=10');
  const ev = (hits.events || []).find(e => /Hostile Herald/.test(e.source || e.outlet || ''));
  assert(ev, 'the hostile fixture has no event in the database');
  await page.goto(base + '/#/event/' + encodeURIComponent(ev.id));
  await page.waitFor(`document.querySelector('#article-text')`, 'the article');
  const r = await page.eval(`({
    pwned: window.__pwned,
    text: document.querySelector('#article-text').textContent,
    title: document.querySelector('.article-title').textContent,
    outlet: (document.querySelector('.article-meta .outlet') || {}).textContent,
    scripts: [...document.scripts].map(s => s.src.replace(location.origin, '')),
    injected: document.querySelectorAll('main img, main iframe, main b, main style, main [onerror], main [onmouseover]').length,
    jsLinks: [...document.querySelectorAll('a')].filter(a => /^javascript:/i.test(a.getAttribute('href') || '')).length,
  })`);
  assert(r.pwned === undefined, `a hostile script ran: __pwned = ${r.pwned}`);
  assert(r.text.includes("<script>window.__pwned='text'</script>"), 'the <script> of the text is not shown as text');
  assert(r.title.includes('<script>') && r.title.includes('onerror'), `title not shown as text: ${r.title}`);
  assert(r.outlet && r.outlet.includes('<b onmouseover'), `outlet not shown as text: ${r.outlet}`);
  assert(r.injected === 0, `${r.injected} elements from the article in the page`);
  assert(r.jsLinks === 0, `${r.jsLinks} javascript: links`);
  assert(r.scripts.length === 4, `scripts in the page: ${r.scripts}`);
  // hover everything hostile, then the map (outlet facet) and search views
  await page.hover('.article-title');
  await page.goto(base + '/#/search?q=Kaduna');
  await page.waitFor(`document.querySelectorAll('#hits .hit').length > 0`, 'search hits');
  const hitEvents = await page.eval(`[...document.querySelectorAll('#hits .hit-events a')].map(a => a.textContent)`);
  assert(hitEvents.some(t => t.includes('Kaduna') && t.includes('5 killed')), `the hit's events: ${JSON.stringify(hitEvents)}`);
  await page.screenshot(join(shots, 'search.png'));
  await openMap('#/map?q=Kaduna');
  await page.waitFor(`document.querySelector('.facet[data-facet="outlet"]')`, 'the outlet facet');
  const p2 = await page.eval(`({pwned: window.__pwned, outlet: document.querySelector('.facet[data-facet="outlet"]').textContent,
    injected: document.querySelectorAll('main b, main img').length})`);
  assert(p2.pwned === undefined && p2.injected === 0, `hostile outlet ran or injected: ${JSON.stringify(p2)}`);
  assert(p2.outlet.includes('<b onmouseover'), `outlet facet: ${p2.outlet}`);
});

await check('timeline: play steps the selected day forward, pause stops it', async () => {
  await openMap();
  await page.waitFor(`document.querySelectorAll('.timeline-svg g.day').length >= 2`, 'the timeline');
  const days = await page.eval(`[...document.querySelectorAll('.timeline-svg g.day')].map(g => g.dataset.date).sort()`);
  await page.click('.timeline .play');
  await page.waitFor(`location.hash.includes('date_from=${days[0]}&date_to=${days[0]}')`, 'play to select the first day');
  await page.waitFor(`/date_from=(\\d{4}-\\d\\d-\\d\\d)/.exec(location.hash) && /date_from=(\\d{4}-\\d\\d-\\d\\d)/.exec(location.hash)[1] > '${days[0]}'`, 'play to move on');
  await page.click('.timeline .play');
  const at = await page.eval('location.hash');
  await sleep(1000);
  assert(await page.eval('location.hash') === at, 'pause did not stop the play');
});

await check('the server sends a strict Content-Security-Policy', async () => {
  const r = await fetch(base + '/');
  const csp = r.headers.get('content-security-policy') || '';
  assert(/default-src 'self'/.test(csp) && !/unsafe-inline|unsafe-eval/.test(csp), `CSP: '${csp}'`);
});

await check('the console shows no error (CSP violations included)', async () => {
  const e = errors();
  assert(e.length === 0, e.map(m => m.text).join('\n'));
});

await browser.close();
console.log(`web: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
