#!/bin/sh
# Builds and runs a libFuzzer target over one of the loaders (see docs/hardening.md).
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer arguments]
#
# TARGET is policy, factor, list, vocabulary, ofac-sdn, opensanctions, acled, stop or geojson (Fuzz/TARGET.swift). The library sources are
# compiled into the fuzz binary with the harness (module DiligenceKit), with ASan and libFuzzer,
# into .build-fuzz/. The corpus (.build-fuzz/corpus/TARGET) starts from policies/, seeds/ and the
# test fixtures and keeps what the fuzzer adds between runs. Crashes, timeouts and out-of-memory
# inputs are written to .build-fuzz/artifacts/TARGET/. SECONDS=0 only builds. The binary is rebuilt
# whenever the library sources or the harness changed, unless FUZZ_REBUILD=no.
set -eu

usage() { echo "usage: $0 policy|factor|list|vocabulary|ofac-sdn|opensanctions|acled|stop|geojson SECONDS [libFuzzer args...]" >&2; exit 64; }
[ $# -ge 2 ] || usage
target=$1; seconds=$2; shift 2
case $target in policy|factor|list|vocabulary|ofac-sdn|opensanctions|acled|stop|geojson) ;; *) usage ;; esac
case $seconds in ''|*[!0-9]*) usage ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/.build-fuzz
binary=$out/$target
corpus=$out/corpus/$target
artifacts=$out/artifacts/$target
mkdir -p "$out" "$corpus" "$artifacts"

# The library's package dependencies (Ink, swift-crypto) are built by SwiftPM, without
# instrumentation, into their own scratch folder; their modules and objects are linked into the
# fuzz binary. Only the library itself and the harness are instrumented.
deps=$out/deps
if [ ! -d "$deps/release/Modules/Crypto.swiftmodule" ] || [ ! -d "$deps/release/Modules/Ink.swiftmodule" ]; then
    echo "building the library's dependencies into $deps" >&2
    (cd "$root" && swift build -c release --scratch-path "$deps" --target Ink >"$out/build-deps.log" 2>&1 &&
        swift build -c release --scratch-path "$deps" --target Crypto >>"$out/build-deps.log" 2>&1) ||
        { cat "$out/build-deps.log" >&2; exit 1; }
fi

# Compile a snapshot of the library (other work may be editing Sources/ meanwhile), by absolute
# path, so #filePath in BuiltinResources finds the snapshot's countries.tsv and vocabularies.
snapshot=$out/src-$target
rm -rf "$snapshot.new"; mkdir -p "$snapshot.new"
cp -R "$root/Sources/DiligenceKit" "$root/Sources/CLibYAML" "$root/Sources/CSystem" "$root/Sources/CLibXML2" "$snapshot.new/"
cp "$root/Fuzz/$target.swift" "$snapshot.new/"
# FUZZ_REBUILD=no keeps an existing binary even if the sources changed (a campaign on one version).
if [ ! -x "$binary" ] || { [ "${FUZZ_REBUILD:-yes}" != no ] && ! diff -rq "$snapshot" "$snapshot.new" >/dev/null 2>&1; }; then
    # No binary until the build succeeds, so an interrupted build is redone next time.
    rm -rf "$snapshot" "$binary"; mv "$snapshot.new" "$snapshot"
    echo "building $binary" >&2
    sources=$(find "$snapshot/DiligenceKit" -name '*.swift' | sort)
    objects=$(find "$deps/release/" -name '*-tool.build' -prune -o -name '*.o' -print | sort)
    # -O keeps Swift's bounds and overflow checks (only -Ounchecked drops them) and runs more
    # inputs a second; -g for symbolised ASan reports. ld.gold's export warnings are noise.
    # shellcheck disable=SC2086
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name DiligenceKit \
        -I "$snapshot/CLibYAML" -I "$snapshot/CSystem" -I "$snapshot/CLibXML2" -Xcc -I/usr/include/libxml2 \
        -I "$deps/release/Modules" -lyaml -lz -lxml2 \
        $sources "$root/Fuzz/$target.swift" $objects -o "$binary" >"$out/build-$target.log" 2>&1; then
        grep -v 'Cannot export local symbol' "$out/build-$target.log" >&2
        rm -f "$binary"
        exit 1
    fi
else
    rm -rf "$snapshot.new"
fi

# Seed corpus: the importers start from real samples (Fuzz/seeds/: the first rows of OFAC's files,
# prefixed by the byte that picks sdn.csv or alt.csv, and FollowTheMoney lines); the loaders from
# every YAML file the project has. libFuzzer keeps only inputs that add coverage.
if [ -z "$(ls -A "$corpus")" ]; then
    case $target in
    ofac-sdn) cp "$root"/Fuzz/seeds/ofac-*.csv "$corpus/" ;;
    opensanctions) cp "$root"/Fuzz/seeds/opensanctions.* "$corpus/" ;;
    acled) cp "$root"/Tests/diligenceTests/Fixtures/geo/acled-*.csv "$corpus/" ;;
    stop) cp "$root"/Tests/diligenceTests/Fixtures/geo/stop-*.csv "$corpus/" ;;
    geojson) cp "$root"/Tests/DiligenceKitTests/Fixtures/geo/*.geojson "$corpus/" ;;
    *)
        find "$root/policies" "$root/seeds" "$root"/Tests/*/Fixtures -type f \( -name '*.yaml' -o -name '*.yml' \) -size -64k |
            while read -r file; do cp "$file" "$corpus/seed-$(echo "$file" | sed "s|^$root/||; s|/|_|g")"; done
        for file in "$root"/Sources/DiligenceKit/Resources/vocabularies/*.yaml; do cp "$file" "$corpus/seed-vocabulary-$(basename "$file")"; done
        ;;
    esac
fi
# The YAML dictionary helps the loaders; the importers read CSV and JSON.
case $target in ofac-sdn|opensanctions|acled|stop|geojson) dictionary= ;; *) dictionary=-dict=$root/Fuzz/yaml.dict ;; esac

[ "$seconds" -gt 0 ] || exit 0
cd "$artifacts"
# SWIFT_BACKTRACE=enable=no: Swift's backtracer would otherwise hold the run open after a crash.
# Leak detection off (libFuzzer's per input and ASan's at exit): LeakSanitizer reports the
# library's lazily initialised global schemas as leaks (it cannot see their pointers), which would
# stop a run at the first input that touches one. To keep going past crashes and timeouts, add
# -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1.
ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS} SWIFT_BACKTRACE=enable=no exec "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
    ${dictionary:+"$dictionary"} -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" "$corpus"
