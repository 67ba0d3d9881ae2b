#!/usr/bin/python3
"""PostGIS side of the benchmark: load the project's GeoJSON with ogr2ogr (reprojected to CGCS2000
lon/lat, EPSG:4490, when it is in Gauss-Kruger metres, then a GiST index), then the land-use
overlay with ellipsoidal areas (geography): whole parcels inside the zone, the rest clipped.
Starts the local PostgreSQL cluster when it is down and stops it again afterwards. Prints one JSON
line; {"skipped": why} when PostgreSQL or PostGIS is not installed.
Usage: postgis_overlay.py PROJECT_DIR [SRID_OF_FILES]"""
import json
import os
import shutil
import subprocess
import sys
import time

d = os.path.abspath(sys.argv[1])
srid = sys.argv[2] if len(sys.argv) > 2 else '4326'
DB = 'zonemap_bench'


def skip(why):
    print(json.dumps({'skipped': why}))
    sys.exit(0)


if not shutil.which('pg_ctlcluster') or not shutil.which('ogr2ogr'):
    skip('PostgreSQL (pg_ctlcluster) or ogr2ogr not installed')
if not any(os.path.isdir(f'/usr/share/postgresql/{v}/extension') and
           os.path.exists(f'/usr/share/postgresql/{v}/extension/postgis.control')
           for v in os.listdir('/usr/share/postgresql')):
    skip('PostGIS not installed (apt-get install postgis)')
clusters = subprocess.run(['pg_lsclusters', '-h'], capture_output=True, text=True).stdout.split()
if len(clusters) < 4:
    skip('no PostgreSQL cluster')
version, name, status = clusters[0], clusters[1], clusters[3]
started = False
if status != 'online':
    subprocess.run(['pg_ctlcluster', version, name, 'start'], check=True)
    started = True


def as_postgres(args, **kw):
    return subprocess.run(['runuser', '-u', 'postgres', '--', *args], check=True, capture_output=True,
                          text=True, **kw)


def psql(sql):
    return as_postgres(['psql', '-X', '-q', '-t', '-A', '-d', DB, '-c', sql]).stdout


try:
    as_postgres(['dropdb', '--if-exists', DB])
    as_postgres(['createdb', DB])
    psql('CREATE EXTENSION postgis')
    t0 = time.perf_counter()
    for layer in ('landuse', 'zones'):
        # ogr2ogr runs as postgres (peer authentication), reading the file from standard input
        with open(f'{d}/{layer}.geojson', 'rb') as f:
            as_postgres(['ogr2ogr', '-f', 'PostgreSQL', f'PG:dbname={DB}', '/vsistdin/', '-nln', layer,
                         '-lco', 'GEOMETRY_NAME=geom', '-lco', 'SPATIAL_INDEX=GIST',
                         '-s_srs', f'EPSG:{srid}', '-t_srs', 'EPSG:4490', '-nlt', 'PROMOTE_TO_MULTI'],
                        stdin=f)
    psql('ANALYZE landuse; ANALYZE zones')
    t1 = time.perf_counter()
    rows = psql(
        'SELECT l.dlbm, SUM(CASE WHEN ST_Within(l.geom, z.geom) THEN ST_Area(l.geom::geography) '
        'ELSE ST_Area(ST_Intersection(l.geom, z.geom)::geography) END) '
        'FROM landuse l JOIN zones z ON ST_Intersects(l.geom, z.geom) GROUP BY l.dlbm')
    t2 = time.perf_counter()
    by_class = {r.split('|')[0]: float(r.split('|')[1]) for r in rows.strip().splitlines()}
    print(json.dumps({'load_s': t1 - t0, 'overlay_s': t2 - t1, 'total_s': t2 - t0,
                      'planned_overlap_m2': sum(by_class.values()), 'classes': len(by_class)}))
finally:
    try:
        as_postgres(['dropdb', '--if-exists', DB])
    finally:
        if started:
            subprocess.run(['pg_ctlcluster', version, name, 'stop'], check=True)
