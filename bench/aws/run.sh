#!/usr/bin/env bash
# Live-scan benchmark: a large account served by the test fake with injected latency, scanned by Kagi.
# Usage: bench/aws/run.sh [REGIONS] [RESOURCES-PER-KIND] [KEYS-PER-REGION] [LATENCY-MS] [RUNS]   (default 17 300 60 50 3)
#    or: bench/aws/run.sh org [ACCOUNTS] [REGIONS] [RESOURCES-PER-KIND] [KEYS-PER-REGION] [LATENCY-MS] [ACCOUNTS-IN-FLIGHT]   (default 200 17 20 10 50 4)
set -euo pipefail
cd "$(dirname "$0")/../.."
# Built apart and run directly: `dotnet run` would hand build options such as -nologo to the bench as arguments.
dotnet build bench/aws -c Release --artifacts-path /tmp/kagi-bench-aws -nologo -v:q >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/tmp/kagi-bench-aws/bin/Kagi.Bench.Aws/release/Kagi.Bench.Aws "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
