// api.js - the JSON API under /api/ (served by the same binary; see
// /api/openapi.json). Errors come back as {error: {status, parameter,
// message}}; they are thrown as ApiError so a view can name the parameter.

export class ApiError extends Error {
  constructor(status, body) {
    const e = body && typeof body.error === 'object' && body.error ? body.error : body || {};
    super(e.message || (typeof e.error === 'string' && e.error) || 'HTTP ' + status);
    this.status = status;
    this.parameter = e.parameter || null;
  }
}

export function url(path, params) {
  const qs = params ? new URLSearchParams(params).toString() : '';
  return '/api/' + path + (qs ? '?' + qs : '');
}

// Responses still in flight for an older state are not wanted: each caller
// names its slot, and a new request in the slot aborts the previous one.
const inflight = new Map();

export async function get(path, params, slot) {
  let signal;
  if (slot) {
    if (inflight.has(slot)) inflight.get(slot).abort();
    const ctl = new AbortController();
    inflight.set(slot, ctl);
    signal = ctl.signal;
  }
  const res = await fetch(url(path, params), {signal, headers: {Accept: 'application/json'}});
  let body = null;
  /* a request aborted while its body is read (a newer one in its slot) is aborted, not empty */
  try { body = await res.json(); } catch (e) { if (isAbort(e)) throw e; body = null; }
  if (slot && inflight.get(slot) && inflight.get(slot).signal === signal) inflight.delete(slot);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export function isAbort(e) {
  return e && e.name === 'AbortError';
}
