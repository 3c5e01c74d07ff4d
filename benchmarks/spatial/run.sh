#!/usr/bin/env bash
# The spatial index against scipy's cKDTree: 100,000 sites against 1,000,000 synthetic events
# within 50 km (docs/geodata.md records the numbers). Usage: benchmarks/spatial/run.sh
# [EVENTS SITES RADIUS_KM]. Needs python3 with numpy and scipy (installed with pip if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-1000000}
sites=${2:-100000}
radius=${3:-50}
if ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  python3 -m pip install --quiet numpy scipy
fi
swift build -c release --product spatial-bench >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/diligence-spatial-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 benchmarks/spatial/make_points.py --events "$events" --sites "$sites" --out "$work"
swift_line=$(.build/release/spatial-bench "$work/events.bin" "$work/sites.bin" "$radius")
python_line=$(python3 benchmarks/spatial/bench_ckdtree.py "$work/events.bin" "$work/sites.bin" "$radius")
echo "$swift_line"
echo "$python_line"
python3 - "$swift_line" "$python_line" <<'PY'
import sys
def fields(line):
    return dict(part.split("=") for part in line.split() if "=" in part)
s, p = fields(sys.argv[1]), fields(sys.argv[2])
print(f"pairs: swift {s['pairs']}, scipy {p['pairs']} ({'same' if s['pairs'] == p['pairs'] else 'DIFFERENT'})")
for key in ("build_s", "query_s", "total_s"):
    print(f"{key}: swift {s[key]} s, scipy {p[key]} s, scipy/swift = {float(p[key]) / max(float(s[key]), 1e-9):.2f}")
PY
