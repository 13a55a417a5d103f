// outlines.js - the base layer: Natural Earth country outlines (npm world-atlas,
// TopoJSON, 1:50m) turned into GeoJSON by topojson-client. Fetched once from
// this server (vendor/countries-50m.json); nothing comes from a tile server.
/* global topojson */

let cached = null;
// Antarctica's ring runs along the map's bottom edge: a band across a flat map
const ANTARCTICA = '010';

// Natural Earth cuts nothing at the antimeridian (Russia's Chukotka, Fiji):
// on a flat map a ring jumping from 180 to -180 draws a line across the
// world. Each ring's longitudes are made continuous (Leaflet draws past 180).
function unwrap(g) {
  if (!g) return;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      let shift = 0;
      for (let i = 1; i < ring.length; i++) {
        const d = ring[i][0] + shift - ring[i - 1][0];
        if (d > 180) shift -= 360; else if (d < -180) shift += 360;
        ring[i][0] += shift;
      }
    }
  }
}

export function countries() {
  if (!cached) {
    cached = fetch('vendor/countries-50m.json')
      .then(r => {
        if (!r.ok) throw new Error('outlines: HTTP ' + r.status);
        return r.json();
      })
      .then(topo => {
        const fc = topojson.feature(topo, topo.objects.countries);
        fc.features = fc.features.filter(f => f.id !== ANTARCTICA);
        for (const f of fc.features) unwrap(f.geometry);
        return fc;
      });
  }
  return cached;
}
