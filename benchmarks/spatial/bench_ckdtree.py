#!/usr/bin/env python3
"""scipy's cKDTree on the same points as spatial-bench: points as 3-D unit vectors, and the
radius as the chord of the great-circle distance, 2 sin(r / 2R), so that a ball query finds
exactly the points within r km along the sphere (the fair equivalent of a haversine radius).
Single-threaded (workers=1), like the Swift side.

    bench_ckdtree.py EVENTS.bin SITES.bin RADIUS_KM
"""
import sys
import time

import numpy as np
from scipy.spatial import cKDTree

EARTH_RADIUS_KM = 6371.0088


def unit_vectors(path):
    points = np.fromfile(path, dtype="<f8").reshape(-1, 2)
    lat, lon = np.radians(points[:, 0]), np.radians(points[:, 1])
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def main():
    events, sites = unit_vectors(sys.argv[1]), unit_vectors(sys.argv[2])
    radius = float(sys.argv[3])
    chord = 2 * np.sin(radius / (2 * EARTH_RADIUS_KM))
    start = time.perf_counter()
    tree = cKDTree(events)
    build = time.perf_counter() - start
    start = time.perf_counter()
    counts = tree.query_ball_point(sites, r=chord, return_length=True, workers=1)
    query = time.perf_counter() - start
    print(f"scipy cKDTree: build_s={build:.3f} query_s={query:.3f} total_s={build + query:.3f} "
          f"pairs={int(counts.sum())} events={len(events)} sites={len(sites)}")


if __name__ == "__main__":
    main()
