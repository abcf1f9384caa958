#!/usr/bin/env bash
# Live-scan benchmark: a large account served by the test fake with injected latency, scanned by Kagi.
# Usage: bench/aws/run.sh [REGIONS] [CLUSTERS-PER-REGION] [KEYS-PER-REGION] [LATENCY-MS] [RUNS]   (default 17 500 50 50 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/aws -nologo -v:q -- "$@"
