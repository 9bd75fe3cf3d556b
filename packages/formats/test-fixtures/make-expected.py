#!/usr/bin/python3
"""Independent expected values for the gridded forcing tests (packages/formats/src/forcing/*.test.ts).

Run with Debian's Python (python3-netcdf4, python3-pyproj):
    /usr/bin/python3 packages/formats/test-fixtures/make-expected.py

Method, independent of the TypeScript code:
- netCDF4 (the Unidata C library) decodes scale_factor/add_offset/_FillValue and the time units;
- pyproj (PROJ) projects each point to grid x/y; the fractional index is (x - x0) / dx;
- the grid-relative (u, v) are rotated to east/north at the four corner nodes using geodesic azimuths
  (pyproj.Geod on the model's sphere) of the grid x and y axes, measured over ±1 m along each axis
  (not the finite-difference projected north the TypeScript code uses);
- bilinear in index space, linear in time; only points whose four corners are all valid (sea) are kept,
  so the land fill does not enter the comparison.
"""
import json
import math
import os
from datetime import datetime, timezone

import netCDF4
import numpy as np
import pyproj

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', '..', 'data', 'forcing')


def epoch(dt):
    return dt.replace(tzinfo=timezone.utc).timestamp()


def axis_bearings(proj, geod, xs, ys, i, j):
    """Bearings (rad, true) of the grid +x and +y directions at node (i, j): geodesic azimuth between the
    points 1 m before and after the node along each projection axis."""
    x, y = xs[i], ys[j]
    a = proj(x - 1.0, y, inverse=True)
    b = proj(x + 1.0, y, inverse=True)
    c = proj(x, y - 1.0, inverse=True)
    d = proj(x, y + 1.0, inverse=True)
    bx = geod.inv(a[0], a[1], b[0], b[1])[0]
    by = geod.inv(c[0], c[1], d[0], d[1])[0]
    return math.radians(bx), math.radians(by)


def sample(path, uname, vname, proj_def, sphere_r, coord_scale, points, times, depth_index=None):
    ds = netCDF4.Dataset(path)
    ds.set_auto_maskandscale(True)
    proj = pyproj.Proj(proj_def)
    geod = pyproj.Geod(a=sphere_r, b=sphere_r)
    xname, yname = ds[uname].dimensions[-1], ds[uname].dimensions[-2]
    xs = np.array(ds[xname][:], dtype=float) * coord_scale
    ys = np.array(ds[yname][:], dtype=float) * coord_scale
    tv = ds['time']
    tt = netCDF4.num2date(tv[:], tv.units, getattr(tv, 'calendar', 'standard'))
    tsec = np.array([epoch(datetime(t.year, t.month, t.day, t.hour, t.minute, t.second)) for t in tt])
    out = []
    for (lon, lat) in points:
        x, y = proj(lon, lat)
        fi = (x - xs[0]) / (xs[1] - xs[0])
        fj = (y - ys[0]) / (ys[1] - ys[0])
        if not (0 <= fi < len(xs) - 1 and 0 <= fj < len(ys) - 1):
            continue
        i0, j0 = int(math.floor(fi)), int(math.floor(fj))
        wx, wy = fi - i0, fj - j0
        for t in times:
            k = int(np.searchsorted(tsec, t, side='right') - 1)
            k = min(max(k, 0), len(tsec) - 2)
            wt = (t - tsec[k]) / (tsec[k + 1] - tsec[k])
            east = north = 0.0
            ok = True
            for kk, w_t in ((k, 1 - wt), (k + 1, wt)):
                for (di, dj, w) in ((0, 0, (1 - wx) * (1 - wy)), (1, 0, wx * (1 - wy)),
                                    (0, 1, (1 - wx) * wy), (1, 1, wx * wy)):
                    ii, jj = i0 + di, j0 + dj
                    idx = (kk, depth_index, jj, ii) if depth_index is not None else (kk, jj, ii)
                    u = ds[uname][idx]
                    v = ds[vname][idx]
                    if np.ma.is_masked(u) or np.ma.is_masked(v):
                        ok = False
                        continue
                    bx, by = axis_bearings(proj, geod, xs, ys, ii, jj)
                    e = float(u) * math.sin(bx) + float(v) * math.sin(by)
                    n = float(u) * math.cos(bx) + float(v) * math.cos(by)
                    east += w_t * w * e
                    north += w_t * w * n
            if ok:
                out.append({
                    'lonDeg': lon, 'latDeg': lat,
                    'time': datetime.fromtimestamp(t, timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
                    'fi': fi, 'fj': fj, 'eastMps': east, 'northMps': north,
                })
    return out


def main():
    rng = np.random.default_rng(20160201)
    arctic_pts = [(15.0, 72.0), (5.0, 70.0), (30.0, 75.0), (0.0, 68.0), (40.0, 72.5), (20.0, 78.0)]
    arctic_pts += [(float(lo), float(la)) for lo, la in zip(rng.uniform(-5, 45, 14), rng.uniform(67, 80, 14))]
    arctic_times = [epoch(datetime(2016, 2, 1, 12)), epoch(datetime(2016, 2, 2, 5, 30)), epoch(datetime(2016, 2, 3, 12)),
                    epoch(datetime(2016, 2, 5, 12))]
    arctic = sample(os.path.join(DATA, 'Arctic20_1to5Feb_2016.nc'), 'u', 'v',
                    '+proj=stere +a=6371000 +b=6371000 +lat_0=90 +lat_ts=60 +lon_0=58', 6371000.0, 1000.0,
                    arctic_pts, arctic_times, depth_index=0)
    arome_pts = [(4.0, 61.0), (5.0, 62.0), (2.0, 63.0), (7.5, 60.8), (6.0, 63.5)]
    arome_pts += [(float(lo), float(la)) for lo, la in zip(rng.uniform(1.5, 8.0, 10), rng.uniform(60.6, 63.9, 10))]
    arome_times = [epoch(datetime(2016, 1, 14, 0)), epoch(datetime(2016, 1, 14, 0, 30)), epoch(datetime(2016, 1, 14, 1, 45))]
    arome = sample(os.path.join(DATA, 'AROME_MetCoOp_00_DEF_20160114_subset.nc'), 'x_wind_10m', 'y_wind_10m',
                   '+proj=lcc +lon_0=15 +lat_0=63 +lat_1=63 +lat_2=63 +R=6371000 +units=m +no_defs', 6371000.0, 1.0,
                   arome_pts, arome_times)
    doc = {
        'generator': 'packages/formats/test-fixtures/make-expected.py',
        'method': 'netCDF4 decoding, pyproj projection, geodesic-azimuth rotation at nodes, own bilinear and linear-in-time',
        'versions': {'netCDF4': netCDF4.__version__, 'pyproj': pyproj.__version__, 'proj': pyproj.proj_version_str},
        'arctic20': {'file': 'data/forcing/Arctic20_1to5Feb_2016.nc', 'field': 'current', 'points': arctic},
        'arome': {'file': 'data/forcing/AROME_MetCoOp_00_DEF_20160114_subset.nc', 'field': 'wind', 'points': arome},
    }
    with open(os.path.join(HERE, 'forcing-expected.json'), 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')
    print(f'arctic20: {len(arctic)} samples, arome: {len(arome)} samples')


if __name__ == '__main__':
    main()
