#!/usr/bin/env bash
# How HCL parsing time grows with the input: 20 against 400 copies of one file; exits 1 if it grows worse than linear.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/hcl -c Release --artifacts-path /tmp/kagi-bench-hcl -nologo -v:q >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/tmp/kagi-bench-hcl/bin/Kagi.Bench.Hcl/release/Kagi.Bench.Hcl tests/corpus/hcl/terraform/neptune_cluster.tf
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
