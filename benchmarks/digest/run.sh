#!/usr/bin/env bash
# SHA-256 speed: the system libcrypto (deprecated SHA256_* calls) against swift-crypto, on one
# file of random bytes, in interleaved rounds (each the best of 5 hashes of the whole file in
# memory). Prints one line per run and the median of each. See docs/decisions.md.
#
#   benchmarks/digest/run.sh [MEGABYTES=200] [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")"
megabytes=${1:-200}
rounds=${2:-5}
swift build -c release >&2
file=$(mktemp "${TMPDIR:-/tmp}/diligence-digest.XXXXXX")
trap 'rm -f "$file"' EXIT
head -c "$((megabytes * 1000000))" /dev/urandom > "$file"
out=$(for _ in $(seq "$rounds"); do
  .build/release/digestbench "$file" libcrypto 5
  .build/release/digestbench "$file" swift-crypto 5
done)
echo "$out"
for name in libcrypto swift-crypto; do
  echo "$out" | awk -v n="$name" '$1 == n { print $6 }' | sort -n | awk -v n="$name" -v mb="$megabytes" \
    '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; printf "%s: median %.3f s for %d MB, %.0f MB/s\n", n, m, mb, mb / m }'
done
sha256sum "$file" | cut -c1-64 | sed 's/^/sha256sum: /'
