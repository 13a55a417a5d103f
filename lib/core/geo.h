/* geo.h - distance between two points on the earth. */
#ifndef VG_GEO_H
#define VG_GEO_H

/* Great-circle (haversine) distance in km between two latitude/longitude
 * points given in degrees. */
double vg_km_between(double lat1, double lon1, double lat2, double lon2);

#endif
