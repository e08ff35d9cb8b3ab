#!/usr/bin/env bash
# The one test command (README): installs what the tests need, builds with warnings as errors,
# runs every test, exits non-zero on any failure. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
for pkg in mosquitto mosquitto-clients socat chromium postgresql; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  echo "== installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
# The Debian mosquitto package starts a system broker on 1883; tests start their own on free ports.
# Likewise postgresql's own cluster on 5432 is not used: the tests start a throwaway cluster (initdb, as the
# postgres user when run as root) on a free loopback port in a temp folder, one per test assembly.

if [ -f tests/fhir-server/package.json ]; then
  echo "== npm packages for the test FHIR server"
  (cd tests/fhir-server && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
fi

if [ -f tests/hl7-peer/package.json ]; then
  echo "== npm packages for the test HL7 v2 peer"
  (cd tests/hl7-peer && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
fi

if [ -f .config/dotnet-tools.json ]; then
  dotnet tool restore
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== build (warnings are errors)"
dotnet build InfusionSuite.sln -c Release -warnaserror -nologo -v:q

echo "== tests"
# One test assembly at a time: on two cores, assemblies running side by side starve each other's real-time parts.
log="$(mktemp)"
status=0
dotnet test InfusionSuite.sln -c Release --no-build -nologo -v:q -m:1 --logger "console;verbosity=normal" \
  -- RunConfiguration.TreatNoTestsAsError=true 2>&1 | tee "$log" || status=$?
# CI shows only the end of this output: repeat each failure (name and first lines of its message) last.
if grep -qE '^\s*Failed [A-Za-z]|Test Run Aborted|: error ' "$log"; then
  echo "== failures (repeated from above)"
  awk '/^[[:space:]]*Failed [A-Za-z]/ {print; n=8; next} /Test Run Aborted|: error / {print; next} n>0 {print; n--}' "$log" | cut -c1-300
fi
grep -E '^(Passed!|Failed!|Total tests|Test Run)' "$log" | tail -40 || true
rm -f "$log"
exit "$status"
