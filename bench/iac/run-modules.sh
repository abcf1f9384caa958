#!/usr/bin/env bash
# Terraform scan with deep module nesting and thousands of instances: the same module chain at growing sizes,
# to show that the cost grows linearly with the number of resource instances (and with the nesting depth).
# Usage: bench/iac/run-modules.sh   (needs: dotnet, python3, GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Kagi.Cli -c Release -nologo -v:q >/dev/null
kagi="src/Kagi.Cli/bin/Release/net10.0/kagi"

# One line per tree: ROOTS DEPTH FANOUT CLUSTERS, then the instances judged, best wall time of 3 and peak RSS.
measure() {
  local roots=$1 depth=$2 fanout=$3 clusters=$4
  local tree
  tree=$(mktemp -d /tmp/kagi-bench-modules-XXXX)
  python3 bench/iac/generate.py "$tree" "$roots" --nested "$depth" "$fanout" "$clusters" >/dev/null
  local best="" best_rss="" best_cpu=""
  for run in 1 2 3; do
    # One rule, so that the figure is the Terraform scan's and not the writing of a findings report for every rule.
    /usr/bin/time -f '%e %M %U %S' -o /tmp/kagi-bench-modules-time "$kagi" scan iac "$tree" --no-store --rules neptune-cluster-cmk-encryption \
      --format json --output /tmp/kagi-bench-modules.json 2>/dev/null || true
    read -r seconds rss_kb user system < <(tail -n 1 /tmp/kagi-bench-modules-time)
    if [ -z "$best" ] || awk "BEGIN {exit !($seconds < $best)}"; then best=$seconds; best_rss=$rss_kb; best_cpu=$(awk "BEGIN {print $user + $system}"); fi
  done
  python3 - "$roots" "$depth" "$fanout" "$clusters" "$best" "$best_rss" "$best_cpu" <<'PY'
import json, sys
roots, depth, fanout, clusters, seconds, rss, cpu = sys.argv[1:8]
report = json.load(open('/tmp/kagi-bench-modules.json'))
ids = [f['resource']['id'] for f in report['findings']]
deepest = max(i.count('module.') for i in ids)
print(f"roots={roots} depth={depth} fanout={fanout} counted-clusters={clusters}: {len(ids)} cluster instances judged "
      f"(deepest address {deepest} modules), {float(seconds):.2f}s wall ({float(cpu):.2f}s CPU), {len(ids)/float(seconds):.0f} clusters/s, peak RSS {int(rss)/1024:.0f} MiB")
PY
  rm -rf "$tree"
}

# Linear in the number of instances: the same 8-deep tree (510 module instances a root), more and more roots.
for roots in 1 2 4 8; do measure "$roots" 8 2 3; done

# Linear in depth: a single chain (fanout 1) of 25, 50 and 100 nested modules, 20 clusters at each level.
for depth in 25 50 100; do measure 4 "$depth" 1 20; done
