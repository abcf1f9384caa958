#!/usr/bin/env bash
# IaC scan of a whole estate: examples/estate (one resource of every data-store kind on the AWS default and one
# on a customer-managed key, with their keys) copied into more and more root modules, scanned with every rule, to
# show that the whole scan — every kind's mapping, key resolution and rule — grows linearly with the resources.
# With SOURCE=cloudformation, its CloudFormation twin (bench/iac/estate.template.yaml) is copied instead, one template
# per folder, so the CPU per resource of the two sources can be compared row by row.
# Usage: [SOURCE=terraform|cloudformation] bench/iac/run-estate.sh [COPIES...]   (default 100 200 400 800; needs: dotnet, python3, GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Kagi.Cli -c Release -nologo -v:q >/dev/null
kagi="src/Kagi.Cli/bin/Release/net10.0/kagi"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {
  local copies=$1 tree
  tree=$(mktemp -d /tmp/kagi-bench-estate-XXXX)
  for ((i = 0; i < copies; i++)); do
    mkdir "$tree/team-$i"
    if [ "${SOURCE:-terraform}" = cloudformation ]; then
      cp bench/iac/estate.template.yaml "$tree/team-$i/estate.yaml"
    else
      cp examples/estate/*.tf "$tree/team-$i/"
    fi
  done
  local best="" best_rss="" best_cpu=""
  for run in 1 2 3; do
    /usr/bin/time -f '%e %M %U %S' -o /tmp/kagi-bench-estate-time "$kagi" scan iac "$tree" --no-store \
      --format json --output /tmp/kagi-bench-estate.json 2>/dev/null || true
    read -r seconds rss_kb user system < <(tail -n 1 /tmp/kagi-bench-estate-time)
    if [ -z "$best" ] || awk "BEGIN {exit !($seconds < $best)}"; then best=$seconds; best_rss=$rss_kb; best_cpu=$(awk "BEGIN {print $user + $system}"); fi
  done
  python3 - "$copies" "$best" "$best_rss" "$best_cpu" <<'PY'
import json, sys
copies, seconds, rss, cpu = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
report = json.load(open('/tmp/kagi-bench-estate.json'))
resources = {(f['resource']['location']['file'], f['resource']['id']) for f in report['findings']}
kinds = {f['resource']['type'] for f in report['findings']}
print(f"| {copies} | {len(kinds)} | {len(resources):,} | {len(report['findings']):,} | {seconds:.2f} s | {cpu:.2f} s | {cpu * 1000 / len(resources):.3f} ms | {rss / 1024:.0f} MiB |")
PY
  rm -rf "$tree"
}

echo "source: ${SOURCE:-terraform}"
echo "| copies | kinds judged | resources judged | findings | wall (best of 3) | CPU | CPU per resource | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for copies in ${@:-100 200 400 800}; do measure "$copies"; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
