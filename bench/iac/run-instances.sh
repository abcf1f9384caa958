#!/usr/bin/env bash
# Memory and speed at 100,000 and 1,000,000 resource instances (issue 19): ROOTS root modules, each one KMS key and
# one aws_neptune_cluster with count = COUNT (alternately on the key and on the AWS-managed default, so both FAIL and
# PASS verdicts are written), scanned with every rule, the JSON report to a file. Prints wall, CPU, peak RSS (GNU time)
# and the report's size. One run per size: the machine is shared; the load average is printed beside each figure.
# Usage: bench/iac/run-instances.sh [ROOTSxCOUNT...]   (default 100x1000; the 1M case is 1000x1000)
#        KAGI_BIN=dist/linux-x64/kagi bench/iac/run-instances.sh   to time a published binary
#        bench/iac/run-instances.sh --generate DIR ROOTS COUNT       only writes the tree (to profile it by hand)
set -euo pipefail
cd "$(dirname "$0")/../.."

generate() {
  local tree=$1 roots=$2 count=$3
  for ((i = 0; i < roots; i++)); do
    mkdir "$tree/root-$i"
    cat >"$tree/root-$i/main.tf" <<TF
variable "environment" {
  default = "env-$i"
}

resource "aws_kms_key" "neptune" {
  description         = "Neptune clusters of root $i"
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "graph" {
  count                               = $count
  cluster_identifier                  = "\${var.environment}-graph-\${count.index}"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = count.index % 2 == 0 ? aws_kms_key.neptune.arn : null
  backup_retention_period             = 7
  iam_database_authentication_enabled = true
  deletion_protection                 = count.index % 3 == 0
  tags = {
    Team        = "team-$i"
    Environment = var.environment
  }
}
TF
  done
}

measure() {
  local roots=$1 count=$2 tree report=/tmp/kagi-bench-instances.json
  tree=$(mktemp -d /tmp/kagi-bench-instances-XXXX)
  generate "$tree" "$roots" "$count"
  local load_before
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %M %U %S %x' -o /tmp/kagi-bench-instances-time "$kagi" scan iac "$tree" --no-store \
    --format json --output "$report" 2>/tmp/kagi-bench-instances-stderr || true
  read -r seconds rss_kb user system code < <(tail -n 1 /tmp/kagi-bench-instances-time)
  local findings size
  findings=$(grep -c '"ruleId"' "$report" || true)
  size=$(du -h "$report" | cut -f1)
  printf '| %s | %s | %s s | %s s | %s MiB | %s | %s | %s |\n' "$((roots * count))" "$findings" "$seconds" \
    "$(awk "BEGIN {print $user + $system}")" "$((rss_kb / 1024))" "$size" "$code" "$load_before"
  if [ "$code" -gt 2 ]; then tail -n 5 /tmp/kagi-bench-instances-stderr; fi
  rm -rf "$tree" "$report"
}

if [ "${1:-}" = "--generate" ]; then
  mkdir -p "$2"
  generate "$2" "$3" "$4"
  exit 0
fi

if [ -z "${KAGI_BIN:-}" ]; then dotnet build src/Kagi.Cli -c Release -nologo -v:q >/dev/null; fi
kagi="${KAGI_BIN:-src/Kagi.Cli/bin/Release/net10.0/kagi}"
echo "| instances | findings | wall | CPU | peak RSS | report | exit | load avg before |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for size in ${@:-100x1000}; do measure "${size%x*}" "${size#*x}"; done
