#!/usr/bin/python3
"""GEOS side of the benchmark: read the same GeoJSON, then the land-use overlay with a prepared
planned polygon (contains → whole parcel; intersects → clip), areas summed per class.
GEOS measures planar areas in degrees here: the cheapest it can do, so the comparison favours it."""
import json
import sys
import time

from shapely.geometry import shape
from shapely.prepared import prep

d = sys.argv[1]
t0 = time.perf_counter()
c0 = time.process_time()
with open(d + '/landuse.geojson', encoding='utf-8') as f:
    lu = json.load(f)
with open(d + '/zones.geojson', encoding='utf-8') as f:
    zones = json.load(f)
parcels = [(feat['properties']['DLBM'], shape(feat['geometry'])) for feat in lu['features']]
zone = shape(zones['features'][0]['geometry'])
t1 = time.perf_counter()
c1 = time.process_time()
pz = prep(zone)
by_class = {}
# Parcels per class overlapping by more than zonemap's OVERLAP_TOLERANCE_M2 (src/core/report-landuse.ts),
# in the file's own units (m² in EPSG:4547; in lon/lat only the crossing count is compared).
counts = {}
crossing = 0
for cls, g in parcels:
    if pz.contains(g):
        a = g.area
    elif pz.intersects(g):
        a = g.intersection(zone).area
        crossing += 1
    else:
        continue
    by_class[cls] = by_class.get(cls, 0.0) + a
    if a > 1e-3:
        counts[cls] = counts.get(cls, 0) + 1
t2 = time.perf_counter()
c2 = time.process_time()
print(json.dumps({'read_s': t1 - t0, 'overlay_s': t2 - t1, 'read_cpu_s': c1 - c0, 'overlay_cpu_s': c2 - c1, 'total_s': t2 - t0, 'parcels': len(parcels), 'crossing': crossing, 'counts': counts}))
