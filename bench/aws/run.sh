#!/usr/bin/env bash
# Live-scan benchmark: a large account served by the test fake with injected latency, scanned by Kagi.
# Usage: bench/aws/run.sh [REGIONS] [RESOURCES-PER-KIND] [KEYS-PER-REGION] [LATENCY-MS] [RUNS]   (default 17 300 60 50 3)
#    or: bench/aws/run.sh org [ACCOUNTS] [REGIONS] [RESOURCES-PER-KIND] [KEYS-PER-REGION] [LATENCY-MS] [ACCOUNTS-IN-FLIGHT]   (default 200 17 20 10 50 4)
#    or: bench/aws/run.sh org-cli [the same]   the built `kagi` command itself, storing and reporting (GNU time measures it)
#    or: bench/aws/run.sh distributed [ACCOUNTS] [REGIONS] [RESOURCES-PER-KIND] [LATENCY-MS] [WORKERS...]   (default 1000 4 1 50 1 2 4)
#        `kagi worker` processes and `kagi scan aws --all-accounts --distributed` on the PostgreSQL of .ci/postgres.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# Built apart and run directly: `dotnet run` would hand build options such as -nologo to the bench as arguments.
dotnet build bench/aws -c Release --artifacts-path /tmp/kagi-bench-aws -nologo -v:q >&2
case "${1:-}" in org-cli | distributed) dotnet build src/Kagi.Cli -c Release --artifacts-path /tmp/kagi-bench-cli -nologo -v:q >&2 ;; esac
[ "${1:-}" != distributed ] || bash .ci/postgres.sh >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = org-cli ] || [ "${1:-}" = distributed ]; then
  mode="$1"
  shift
  /tmp/kagi-bench-aws/bin/Kagi.Bench.Aws/release/Kagi.Bench.Aws "$mode" /tmp/kagi-bench-cli/bin/Kagi.Cli/release/kagi.dll "$@"
else
  /tmp/kagi-bench-aws/bin/Kagi.Bench.Aws/release/Kagi.Bench.Aws "$@"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
