#!/usr/bin/env bash
# Regenerates reports/: what `diligence check policies` writes as of 2020-09-30 (the date the
# seed articles describe), in every format. The end-to-end test `committedReportsAreUpToDate`
# fails when reports/ differs from this output.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product diligence >/dev/null
rm -rf reports.tmp
status=0
.build/debug/diligence check policies --as-of 2020-09-30 --format markdown,json,text,github,sarif,junit,html --output reports.tmp || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  rm -rf reports.tmp
  exit "$status"
fi
rm -rf reports
mv reports.tmp reports
echo "reports/ regenerated (gate exit code $status)"
