// types.js - ACLED's six event types, in ACLED's order, with the CSS class
// that colours them (css/app.css: .t-battles ... ); an unknown type is grey.

export const TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
];

export function typeClass(type) {
  const i = TYPES.indexOf(type);
  return i < 0 ? 't-other' : 't' + i;
}

// Marker diameter in pixels: the area grows with the toll (square root),
// from 10 px for none to 34 px at 100 dead and more.
export function markerSize(fatalities) {
  const f = Math.max(0, Math.min(100, Number(fatalities) || 0));
  return Math.round(10 + 24 * Math.sqrt(f / 100));
}
