#!/usr/bin/env bash
# Regenerates the files generated from the loader's own declarations: the JSON Schema of the
# policy format and the two format references, and the README's example with what the tool
# prints for it. Tests fail when these are out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product diligence >/dev/null
mkdir -p schema docs
.build/debug/diligence schema --db seeds > schema/policy.schema.json.tmp && mv schema/policy.schema.json.tmp schema/policy.schema.json
.build/debug/diligence schema --db seeds --reference policy > docs/policy-format.md.tmp && mv docs/policy-format.md.tmp docs/policy-format.md
.build/debug/diligence schema --db seeds --reference database > docs/risk-database.md.tmp && mv docs/risk-database.md.tmp docs/risk-database.md
echo "schema/policy.schema.json, docs/policy-format.md and docs/risk-database.md regenerated"
scripts/update-readme.py
