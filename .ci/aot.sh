#!/usr/bin/env bash
# Builds the Native AOT binary (dist/linux-x64/kagi) and proves it: the examples scan gives the same findings as the JIT
# build, the HTML report and the dashboard render, a store round trip works, and the CLI test suite passes against it;
# then the .NET tool package installs and scans the same.
#
#   .ci/aot.sh            (after `dotnet build -c Release`; .ci/run calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/linux-x64
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null || true' EXIT

# The native linker step needs clang or gcc, and zlib's headers.
if ! { command -v clang || command -v gcc; } >/dev/null || [ ! -f /usr/include/zlib.h ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
fi

dotnet publish src/Kagi.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v:q
kagi="$PWD/$out/kagi"
"$kagi" --version

# A scan that finds failures exits 1; anything else is a failure of the binary.
scan() { local code=0; "$@" || code=$?; [ "$code" -le 1 ] || { echo "aot.sh: '$*' exited $code" >&2; exit 1; }; }

scan "$kagi" scan iac examples --no-store --format json --output "$work/aot.json"
scan dotnet src/Kagi.Cli/bin/Release/net10.0/kagi.dll scan iac examples --no-store --format json --output "$work/jit.json"
python3 - "$work/aot.json" "$work/jit.json" <<'PY'
import json, sys
def verdicts(path):
    report = json.load(open(path))
    return sorted((f["ruleId"], f["resource"]["id"], f["status"], f["message"]) for f in report["findings"]), report["summary"]
aot, jit = verdicts(sys.argv[1]), verdicts(sys.argv[2])
if aot != jit:
    differ = sorted(set(aot[0]) ^ set(jit[0]))[:10]
    sys.exit(f"aot.sh: the AOT binary's findings differ from the JIT build's: {differ}")
print(f"aot.sh: the examples scan agrees with the JIT build: {len(aot[0])} findings, {aot[1]}")
PY

scan "$kagi" scan iac examples --no-store --format html --output "$work/report.html"
grep -q "neptune-cluster-cmk-encryption" "$work/report.html" || { echo "aot.sh: the HTML report names no finding" >&2; exit 1; }

# A store round trip, then the dashboard over it.
scan "$kagi" scan iac examples --store "$work/kagi.db" >/dev/null
"$kagi" findings list --store "$work/kagi.db" --format json | python3 -c 'import json,sys; n=len(json.load(sys.stdin)["findings"]); assert n > 0, "no stored findings"; print(f"aot.sh: {n} stored findings")'
port=$((20000 + RANDOM % 20000))
"$kagi" serve --store "$work/kagi.db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/" -o "$work/overview.html" 2>/dev/null && break; sleep 0.2; done
grep -q "neptune" "$work/overview.html" || { echo "aot.sh: the dashboard did not render" >&2; cat "$work/serve.log" >&2; exit 1; }
echo "aot.sh: the dashboard renders from the AOT binary"

KAGI_TEST_BINARY="$kagi" dotnet test tests/Kagi.Cli.Tests -c Release --no-build -nologo -v:q --logger "console;verbosity=minimal"

# Live scans from profiles, as a separate process: static keys, assume-role and SSO profiles (the AWS SDK finds its STS and
# SSO clients by name), an organization reached through a chained role, nothing written under the home directory.
KAGI_TEST_BINARY="$kagi" dotnet test tests/Kagi.Aws.Tests -c Release --no-build -nologo -v:q --logger "console;verbosity=minimal" \
  --filter "FullyQualifiedName~Kagi.Aws.Tests.Cli.ProfileTests|FullyQualifiedName~Kagi.Aws.Tests.Cli.CredentialChainTests"

# The .NET tool package: packed, installed into a scratch folder, and scanning the examples.
dotnet pack src/Kagi.Cli -c Release -o "$work/nupkg" -nologo -v:q
dotnet tool install --tool-path "$work/tool" --add-source "$work/nupkg" Kagi
scan "$work/tool/kagi" scan iac examples --no-store --format json --output "$work/tool.json"
python3 - "$work/tool.json" "$work/jit.json" <<'PY'
import json, sys
a, b = (json.load(open(path))["summary"] for path in sys.argv[1:])
sys.exit(0 if a == b else f"aot.sh: the .NET tool's examples scan differs: {a} vs {b}")
PY
echo "aot.sh: the .NET tool installs and scans"
