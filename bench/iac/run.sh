#!/usr/bin/env bash
# End-to-end IaC scan benchmark: a generated Terraform tree scanned by Kagi, beside hcl2json's parse of the same tree.
# Usage: bench/iac/run.sh [MODULES]   (needs: dotnet, node, npm ci --prefix tools/hcl2json)
#        KAGI_BIN=dist/linux-x64/kagi bench/iac/run.sh   the same with a published binary (the Native AOT one, .ci/aot.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
modules=${1:-600}
tree=$(mktemp -d /tmp/kagi-bench-iac-XXXX)
trap 'rm -rf "$tree"' EXIT

python3 bench/iac/generate.py "$tree" "$modules"
files=$(find "$tree" -name '*.tf' | wc -l)
bytes=$(find "$tree" -name '*.tf' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
if [ -n "${KAGI_BIN:-}" ]; then
  kagi="$KAGI_BIN"
else
  dotnet build src/Kagi.Cli -c Release -nologo -v:q >/dev/null
  kagi="src/Kagi.Cli/bin/Release/net10.0/kagi"
fi

# Kagi: the whole scan (parse, evaluate, judge, write JSON), three runs; peak memory from GNU time.
best=""
for run in 1 2 3; do
  /usr/bin/time -f '%e %M' -o /tmp/kagi-bench-time "$kagi" scan iac "$tree" --no-store --format json --output /tmp/kagi-bench.json 2>/dev/null || true
  read -r seconds rss_kb < <(tail -n 1 /tmp/kagi-bench-time)
  echo "kagi run $run: ${seconds}s, peak RSS ${rss_kb} KiB"
  if [ -z "$best" ] || awk "BEGIN {exit !($seconds < $best)}"; then best=$seconds; best_rss=$rss_kb; fi
done
resources=$(python3 -c "import json; d=json.load(open('/tmp/kagi-bench.json')); print(len({(f['resource']['location']['file'], f['resource']['id']) for f in d['findings']}))")

# hcl2json: parse time alone (WebAssembly loaded beforehand, file reading excluded).
oracle=$(node bench/iac/hcl2json-parse-all.js "$tree")
oracle_seconds=$(python3 -c "import json,sys; print(round(json.loads(sys.argv[1])['parseSeconds'], 2))" "$oracle")

python3 - "$files" "$bytes" "$resources" "$best" "$best_rss" "$oracle_seconds" <<'PY'
import sys
files, size, resources, seconds, rss, oracle = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
print(f"files={files} size={size/1e6:.2f}MB judged-resources={resources}")
print(f"kagi scan: {seconds:.2f}s wall (best of 3), {size/1e6/seconds:.2f} MB/s, {resources/seconds:.0f} judged resources/s, peak RSS {rss/1024:.0f} MiB")
print(f"hcl2json parse alone: {oracle:.2f}s ({size/1e6/oracle:.2f} MB/s)")
print(f"ratio kagi/hcl2json: {seconds/oracle:.2f} (target < 1)")
PY
