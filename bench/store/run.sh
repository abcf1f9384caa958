#!/usr/bin/env bash
# Stores 100 scans of 50,000 results in a fresh SQLite file and a fresh PostgreSQL schema; prints one line per database.
# PostgreSQL: $KAGI_TEST_POSTGRES, else the throwaway server .ci/postgres.sh starts.
set -euo pipefail
cd "$(dirname "$0")/../.."
scans="${1:-100}"
findings="${2:-50000}"
dotnet build bench/store -c Release --artifacts-path /tmp/kagi-bench-store -nologo -v:q >&2
bin=/tmp/kagi-bench-store/bin/Kagi.Bench.Store/release/Kagi.Bench.Store
postgres="${KAGI_TEST_POSTGRES:-$(.ci/postgres.sh)}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" sqlite "$scans" "$findings"
"$bin" postgres "$scans" "$findings" "$postgres"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
