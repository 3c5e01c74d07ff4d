#!/usr/bin/env python3
"""Synthetic points for benchmarks/spatial/run.sh: events clustered around conflict hotspots
(plus a uniform background) and sites, half near hotspots and half anywhere. Deterministic
(seed 20200812). Writes float64 little-endian (latitude, longitude) pairs."""
import argparse
import os

import numpy as np


def on_sphere(rng, n):
    """Uniform on the sphere: latitude from arcsin of a uniform z."""
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon = rng.uniform(-180, 180, n)
    return lat, lon


def around(rng, centres_lat, centres_lon, n, sd_degrees):
    pick = rng.integers(0, len(centres_lat), n)
    lat = np.clip(centres_lat[pick] + rng.normal(0, sd_degrees, n), -90, 90)
    lon = centres_lon[pick] + rng.normal(0, sd_degrees, n) / np.maximum(np.cos(np.radians(lat)), 0.05)
    lon = (lon + 180) % 360 - 180
    return lat, lon


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, default=100_000)
    parser.add_argument("--hotspots", type=int, default=300)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(20200812)
    hot_lat, hot_lon = on_sphere(rng, args.hotspots)
    hot_lat = np.clip(hot_lat, -60, 70)
    clustered = int(args.events * 0.8)
    e1 = around(rng, hot_lat, hot_lon, clustered, 1.5)
    e2 = on_sphere(rng, args.events - clustered)
    events = np.column_stack([np.concatenate([e1[0], e2[0]]), np.concatenate([e1[1], e2[1]])])
    near = args.sites // 2
    s1 = around(rng, hot_lat, hot_lon, near, 3.0)
    s2 = on_sphere(rng, args.sites - near)
    sites = np.column_stack([np.concatenate([s1[0], s2[0]]), np.concatenate([s1[1], s2[1]])])
    os.makedirs(args.out, exist_ok=True)
    events.astype("<f8").tofile(os.path.join(args.out, "events.bin"))
    sites.astype("<f8").tofile(os.path.join(args.out, "sites.bin"))
    print(f"wrote {len(events)} events and {len(sites)} sites to {args.out}")


if __name__ == "__main__":
    main()
