#!/usr/bin/env bash
# Renders the HTML report of policies/ (as of 2020-09-30) with headless Chromium, to a PNG
# screenshot and to PDF (`diligence check --format pdf`), and checks that they are produced and
# not trivial: PNG size, PDF size and page count, the sign-off and the page footer on the PDF's
# last page, the Cabo Delgado map on a page. `.ci/run` runs it when chromium is installed.
#
#   scripts/render-check.sh            # check only (files in a temporary folder)
#   scripts/render-check.sh --images   # also write docs/images/cabo-delgado-map.png and
#                                      # docs/images/report-page.png (the PDF page with the map)
#
# Needs: chromium, pdfinfo and pdftotext (poppler-utils; pdftoppm for --images), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
images=false
[ "${1:-}" = "--images" ] && images=true

browser=""
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
done
if [ -z "$browser" ]; then
  echo "render-check: chromium not found (apt-get install chromium)" >&2
  exit 2
fi
for tool in pdfinfo pdftotext python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "render-check: $tool not found (apt-get install poppler-utils python3)" >&2; exit 2; }
done

swift build --product diligence >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
.build/debug/diligence check policies --as-of 2020-09-30 --format html,pdf --output "$work/out" 2>"$work/stderr" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then cat "$work/stderr" >&2; exit "$status"; fi

flags=(--headless --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --disable-background-networking
       --disable-component-update --disable-sync --disable-default-apps --user-data-dir="$work/profile")
[ "$(id -u)" = 0 ] && flags+=(--no-sandbox)
shot() { # html png width height
  HOME="$work" "$browser" "${flags[@]}" --window-size="$3,$4" --screenshot="$2" "file://$1" >/dev/null 2>&1
}

failures=0
fail() { echo "render-check: FAIL: $*" >&2; failures=$((failures + 1)); }

shot "$work/out/report.html" "$work/report.png" 1100 2400
png=$(stat -c %s "$work/report.png" 2>/dev/null || echo 0)
[ "$png" -gt 50000 ] || fail "screenshot is $png bytes (expected more than 50000)"

pdf=$(stat -c %s "$work/out/report.pdf" 2>/dev/null || echo 0)
[ "$pdf" -gt 200000 ] || fail "PDF is $pdf bytes (expected more than 200000)"
pages=$(pdfinfo "$work/out/report.pdf" | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 20 ] || fail "PDF has ${pages:-0} pages (expected 20 or more)"
last=$(pdftotext -layout -f "$pages" -l "$pages" "$work/out/report.pdf" -)
grep -q "Sign-off" <<<"$last" || fail "the last page has no sign-off"
grep -q "Page $pages of $pages" <<<"$last" || fail "the last page's footer has no page number"
grep -q "Report DD-2020-09-30-" <<<"$last" || fail "the last page's footer has no report id"
map_page=""
for page in $(seq 1 "$pages"); do
  if pdftotext -f "$page" -l "$page" "$work/out/report.pdf" - | grep -q "Map: Lúrio Logistics Services Lda"; then map_page=$page; break; fi
done
[ -n "$map_page" ] || fail "no PDF page shows the Cabo Delgado map"

echo "render-check: screenshot $png bytes; PDF $pdf bytes, $pages pages, sign-off on page $pages, Cabo Delgado map on page ${map_page:-none}"

if $images && [ "$failures" -eq 0 ]; then
  mkdir -p docs/images
  # The map alone: the report's head (style) and the map's figure.
  python3 - "$work/out/report.html" "$work/map.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
start = html.index('<figure class="map-figure">\n<svg class="map" id="map-policies-mz-cabo-delgado-lng-logistics-yaml-1"')
end = html.index("</figure>", start) + len("</figure>")
head = html[:html.index("<main>")]
open(sys.argv[2], "w", encoding="utf-8").write(head + '<main style="padding:8px">' + html[start:end] + "</main></body></html>\n")
PY
  shot "$work/map.html" docs/images/cabo-delgado-map.png 960 700
  pdftoppm -png -r 80 -f "$map_page" -l "$map_page" -singlefile "$work/out/report.pdf" docs/images/report-page
  echo "render-check: wrote docs/images/cabo-delgado-map.png and docs/images/report-page.png (PDF page $map_page)"
fi
[ "$failures" -eq 0 ]
