// cdp.mjs - a headless Chromium driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: JSON messages separated by NUL on fds 3 and 4).
// No npm package: the protocol is Chromium's own, so Debian's chromium can
// move to a new version without a driver library's pin falling behind it, and
// any Node.js from 18 on runs it (puppeteer-core 25 wants Node 22).
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export class Browser {
  static async launch({executable = '/usr/bin/chromium', width = 1280, height = 860} = {}) {
    const profile = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
    const args = ['--headless', '--remote-debugging-pipe', '--disable-gpu', '--no-first-run',
      '--no-default-browser-check', '--disable-extensions', '--disable-background-networking',
      '--disable-sync', '--disable-component-update', '--disable-dev-shm-usage', '--mute-audio',
      '--hide-scrollbars', `--window-size=${width},${height}`, `--user-data-dir=${profile}`];
    // root cannot use Chromium's sandbox (no user namespaces for it)
    if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
    const proc = spawn(executable, [...args, 'about:blank'], {stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']});
    const b = new Browser(proc, profile);
    await new Promise((resolve, reject) => {
      proc.once('error', e => reject(new Error(`cannot start ${executable}: ${e.message}`)));
      proc.once('spawn', resolve);
    });
    await b.send('Browser.getVersion').catch(e => {
      throw new Error(`chromium started but does not answer on its pipe: ${e.message}\n${b.stderr.slice(-2000)}`);
    });
    return b;
  }

  constructor(proc, profile) {
    this.proc = proc;
    this.profile = profile;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.stderr = '';
    this.exited = false;
    proc.stderr.on('data', d => { this.stderr = (this.stderr + d).slice(-20000); });
    let buf = Buffer.alloc(0);
    proc.stdio[4].on('data', chunk => {
      buf = Buffer.concat([buf, chunk]);
      let i;
      while ((i = buf.indexOf(0)) >= 0) {
        const msg = JSON.parse(buf.subarray(0, i).toString('utf8'));
        buf = buf.subarray(i + 1);
        this.dispatch(msg);
      }
    });
    proc.on('exit', code => {
      this.exited = true;
      for (const {reject} of this.pending.values()) reject(new Error(`chromium exited (${code})\n${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  dispatch(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
    } else {
      for (const l of this.listeners) l(msg.method, msg.params, msg.sessionId);
    }
  }

  send(method, params = {}, sessionId, timeoutMs = 15000) {
    if (this.exited) return Promise.reject(new Error('chromium has exited'));
    const id = this.nextId++;
    const msg = {id, method, params};
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {method,
        resolve: v => { clearTimeout(t); resolve(v); },
        reject: e => { clearTimeout(t); reject(e); }});
      this.proc.stdio[3].write(JSON.stringify(msg) + '\0');
    });
  }

  on(fn) { this.listeners.push(fn); }

  async newPage() {
    const {targetId} = await this.send('Target.createTarget', {url: 'about:blank'});
    const {sessionId} = await this.send('Target.attachToTarget', {targetId, flatten: true});
    const page = new Page(this, sessionId, targetId);
    await page.init();
    return page;
  }

  async close() {
    if (!this.exited) {
      this.send('Browser.close').catch(() => {});
      await new Promise(r => {
        const t = setTimeout(() => { this.proc.kill('SIGKILL'); r(); }, 3000);
        this.proc.once('exit', () => { clearTimeout(t); r(); });
      });
    }
    rmSync(this.profile, {recursive: true, force: true});
  }
}

export class Page {
  constructor(browser, sessionId, targetId) {
    this.b = browser;
    this.sid = sessionId;
    this.targetId = targetId;
    this.console = [];     // {level, text}
    this.waiters = [];
    browser.on((method, params, sid) => {
      if (sid !== this.sid) return;
      if (method === 'Runtime.consoleAPICalled') {
        this.console.push({level: params.type, text: params.args.map(a => a.value !== undefined ? String(a.value) : (a.description || '')).join(' ')});
      } else if (method === 'Runtime.exceptionThrown') {
        const d = params.exceptionDetails;
        this.console.push({level: 'error', text: 'exception: ' + ((d.exception && d.exception.description) || d.text)});
      } else if (method === 'Log.entryAdded') {
        this.console.push({level: params.entry.level, text: `${params.entry.source}: ${params.entry.text} ${params.entry.url || ''}`.trim()});
      }
      for (const w of this.waiters.slice()) if (w.method === method) { w.resolve(params); this.waiters.splice(this.waiters.indexOf(w), 1); }
    });
  }

  send(method, params, timeoutMs) { return this.b.send(method, params, this.sid, timeoutMs); }

  async init() {
    await Promise.all([this.send('Page.enable'), this.send('Runtime.enable'), this.send('Log.enable')]);
  }

  once(method, timeoutMs = 15000) {
    return new Promise((resolve, reject) => {
      const w = {method, resolve};
      this.waiters.push(w);
      setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) { this.waiters.splice(i, 1); reject(new Error(`${method}: not seen in ${timeoutMs} ms`)); }
      }, timeoutMs);
    });
  }

  async close() {
    await this.b.send('Target.closeTarget', {targetId: this.targetId}).catch(() => {});
  }

  // A fresh load of url, even when only its fragment differs from the
  // current one (that would be a same-document navigation: no load event).
  async goto(url) {
    for (const u of ['about:blank', url]) {
      const loaded = this.once('Page.loadEventFired');
      const r = await this.send('Page.navigate', {url: u});
      if (r.errorText) throw new Error(`navigate ${u}: ${r.errorText}`);
      await loaded;
    }
  }

  // The value of a JavaScript expression in the page (awaited if a promise).
  async eval(expression) {
    const r = await this.send('Runtime.evaluate', {expression, awaitPromise: true, returnByValue: true});
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error(`in page: ${(d.exception && d.exception.description) || d.text}\n  for: ${expression.slice(0, 200)}`);
    }
    return r.result.value;
  }

  // Poll until the expression is truthy; its value.
  async waitFor(expression, what, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try { last = await this.eval(expression); } catch (e) { last = e.message; }
      if (last && !(typeof last === 'string' && last.startsWith('in page:'))) return last;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what || expression} (last: ${JSON.stringify(last)})`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  // The centre of the first element matching a selector that a click at its
  // centre would reach (one scrolled into the window when none is: not done to map markers, as
  // scrolling a Leaflet container would shift the map), in CSS pixels.
  async center(selector) {
    const r = await this.eval(`(() => {
      const all = [...document.querySelectorAll(${JSON.stringify(selector)})];
      const mid = e => { const b = e.getBoundingClientRect(); return {x: b.left + b.width / 2, y: b.top + b.height / 2}; };
      const inside = p => p.x >= 0 && p.y >= 0 && p.x < innerWidth && p.y < innerHeight;
      const hit = x => { const p = mid(x); const t = inside(p) && document.elementFromPoint(p.x, p.y); return t && x.contains(t); };
      const e = all.find(hit);
      if (e) return mid(e);
      if (!all.length) return null;
      all[0].scrollIntoView({block: 'center'});
      return mid(all[0]); })()`);
    if (!r) throw new Error(`no element matches ${selector}`);
    return r;
  }

  async mouse(type, x, y, extra = {}) {
    await this.send('Input.dispatchMouseEvent', {type, x, y, button: 'left', ...extra});
  }

  async click(selector) {
    const {x, y} = await this.center(selector);
    await this.mouse('mouseMoved', x, y);
    await this.mouse('mousePressed', x, y, {clickCount: 1, buttons: 1});
    await this.mouse('mouseReleased', x, y, {clickCount: 1});
  }

  async hover(selector) {
    const {x, y} = await this.center(selector);
    await this.mouse('mouseMoved', x, y);
  }

  async drag(x1, y1, x2, y2, steps = 8) {
    await this.mouse('mouseMoved', x1, y1);
    await this.mouse('mousePressed', x1, y1, {clickCount: 1, buttons: 1});
    for (let i = 1; i <= steps; i++) {
      await this.mouse('mouseMoved', x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps, {buttons: 1});
    }
    await this.mouse('mouseReleased', x2, y2, {clickCount: 1});
  }

  async screenshot(path) {
    const {data} = await this.send('Page.captureScreenshot', {format: 'png'});
    writeFileSync(path, Buffer.from(data, 'base64'));
  }
}
