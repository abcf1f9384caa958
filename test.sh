#!/usr/bin/env bash
# The README's test command: installs or checks everything the tests use, runs them, and stops what it started.
#
#   ./test.sh                                   every test
#   ./test.sh --filter "FullyQualifiedName~Sarif"   any further arguments go to `dotnet test`
#
# Installs from Debian (as root, or with sudo): Node.js and npm, Chromium, PostgreSQL. Installs from npm: HashiCorp's
# HCL parser (@cdktf/hcl2json, the oracle for ours) and the SARIF validator. Checks, with a message naming what is
# missing: the .NET SDK, Terraform (the evaluator's oracle), and the machine's Python with moto, boto3, the aws CLI and
# cfn-lint (the AWS emulator, the printed fixes, the member-role template). A PostgreSQL server this script starts is
# stopped when it ends; one that was already running is left alone.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
fail() { printf 'test.sh: %s\n' "$1" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "installing Debian packages needs root or sudo: $*"
  fi
}

step "tools from Debian: Node.js and npm (validators), Chromium (HTML report and dashboard tests)"
missing=()
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "tools checked, not installed: .NET SDK, Terraform, Python with moto/boto3/aws/cfn-lint"
command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing (https://dot.net); global.json names the version"
command -v terraform >/dev/null || fail "terraform is missing: the evaluator's differential tests use it as their oracle (offline, no providers)"
for tool in python3 moto_server aws cfn-lint; do
  command -v "$tool" >/dev/null || fail "$tool is missing: pip install moto[server] boto3 awscli cfn-lint"
done
python3 -c 'import boto3, moto' 2>/dev/null || fail "python3 lacks boto3 or moto: pip install moto[server] boto3"
printf 'dotnet %s · node %s · %s · %s\n' "$(dotnet --version)" "$(node --version)" "$(chromium --version 2>/dev/null | sed -n 1p)" "$(terraform version | sed -n 1p)"

step "npm: @cdktf/hcl2json and the SARIF validator"
npm ci --prefix tools/hcl2json --no-audit --no-fund --loglevel=error
npm ci --prefix tools/sarif --no-audit --no-fund --loglevel=error

step "PostgreSQL for the store tests"
if [ -z "${KAGI_TEST_POSTGRES:-}" ]; then
  pg_dir="${KAGI_PG_DIR:-/tmp/kagi-pg}"
  already_running=no
  if [ -f "$pg_dir/connection" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then already_running=yes; fi
  eval "$(.ci/postgres.sh --export)"
  if [ "$already_running" = no ]; then
    trap 'echo "stopping the PostgreSQL server this run started"; KAGI_PG_DIR="$pg_dir" .ci/postgres.sh --stop' EXIT
  fi
fi
echo "KAGI_TEST_POSTGRES=$KAGI_TEST_POSTGRES"

step "tests"
dotnet test Kagi.slnx -c Release -nologo "$@"
