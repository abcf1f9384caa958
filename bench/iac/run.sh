#!/usr/bin/env bash
# End-to-end IaC scan benchmark: a generated Terraform tree scanned by Kagi, beside hcl2json's parse of the same tree.
# Usage: bench/iac/run.sh [MODULES [ESTATE_FILES]]   (needs: dotnet, node, npm ci --prefix tools/hcl2json)
#        KAGI_BIN=dist/linux-x64/kagi bench/iac/run.sh   the same with a published binary (the Native AOT one, .ci/aot.sh)
# The default, 140 modules with 12 examples/estate files each, is the size of the Checkov issue's tree (936 files, 61.6k
# lines); `run.sh 600 0` is the tree of the 2026-11-29 and 2026-12-03 rows of docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
modules=${1:-140}
estate_files=${2:-12}
tree=$(mktemp -d /tmp/kagi-bench-iac-XXXX)
trap 'rm -rf "$tree"' EXIT

python3 bench/iac/generate.py "$tree" "$modules" --estate-files "$estate_files"
files=$(find "$tree" -name '*.tf' | wc -l)
lines=$(find "$tree" -name '*.tf' -print0 | xargs -0 cat | wc -l)
bytes=$(find "$tree" -name '*.tf' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
if [ -n "${KAGI_BIN:-}" ]; then
  kagi="$KAGI_BIN"
else
  dotnet build src/Kagi.Cli -c Release -nologo -v:q >/dev/null
  kagi="src/Kagi.Cli/bin/Release/net10.0/kagi"
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

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

python3 - "$files" "$lines" "$bytes" "$resources" "$best" "$best_rss" "$oracle_seconds" <<'PY'
import sys
files, lines, size, resources, seconds, rss, oracle = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
print(f"files={files} lines={lines} size={size/1e6:.2f}MB judged-resources={resources}")
print(f"kagi scan: {seconds:.2f}s wall (best of 3), {size/1e6/seconds:.2f} MB/s, {resources/seconds:.0f} judged resources/s, peak RSS {rss/1024:.0f} MiB")
print(f"hcl2json parse alone: {oracle:.2f}s ({size/1e6/oracle:.2f} MB/s)")
print(f"ratio kagi/hcl2json: {seconds/oracle:.2f} (issue 19's target: under 1 s and at most 0.33)")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
