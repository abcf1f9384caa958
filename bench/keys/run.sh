#!/usr/bin/env bash
# Key-inventory benchmark: `kagi keys` on a saved inventory of RESOURCES data stores over KEYS KMS keys.
# Usage: bench/keys/run.sh [RESOURCES] [KEYS] [RUNS]   (default 100000 5000 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
# Built apart and run directly: `dotnet run` would hand build options such as -nologo to the bench as arguments.
dotnet build bench/keys -c Release --artifacts-path /tmp/kagi-bench-keys -nologo -v:q >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/tmp/kagi-bench-keys/bin/Kagi.Bench.Keys/release/Kagi.Bench.Keys "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
