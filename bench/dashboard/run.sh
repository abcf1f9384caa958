#!/usr/bin/env bash
# Dashboard page times on a store following ~100,000 findings, on a fresh SQLite file and a fresh PostgreSQL schema.
# PostgreSQL: $KAGI_TEST_POSTGRES, else the throwaway server .ci/postgres.sh starts.
set -euo pipefail
cd "$(dirname "$0")/../.."
findings="${1:-100000}"
dotnet build bench/dashboard -c Release --artifacts-path /tmp/kagi-bench-dashboard -nologo -v:q >&2
bin=/tmp/kagi-bench-dashboard/bin/Kagi.Bench.Dashboard/release/Kagi.Bench.Dashboard
postgres="${KAGI_TEST_POSTGRES:-$(.ci/postgres.sh)}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" sqlite "$findings"
"$bin" postgres "$findings" "$postgres"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
