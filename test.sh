#!/usr/bin/env bash
# Runs every test: build, throwaway PostgreSQL cluster, dotnet test, then one summary line
# "N passed, N failed, N skipped" (or "0 passed, 0 failed" when no tests ran).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pgdir=$(mktemp -d)
log=$(mktemp)
summary_done=
# shellcheck disable=SC2317  # invoked via trap
cleanup() {
  tests/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -f "$log"
  # Any early failure (build, cluster start, Ctrl-C) still ends with a summary line.
  [ -n "$summary_done" ] || echo "0 passed, 0 failed"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# No persistent build servers: they would outlive the script and hold CI's output pipe open.
dotnet restore MlaFlow.sln --disable-build-servers
dotnet build MlaFlow.sln --no-restore -c Release --disable-build-servers

MLAFLOW_TEST_POSTGRES=$(tests/pg-cluster.sh start "$pgdir")
export MLAFLOW_TEST_POSTGRES

rc=0
dotnet test MlaFlow.sln --no-build -c Release </dev/null \
  | tee "$log" || rc=${PIPESTATUS[0]}

# Per-assembly lines: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ..."
counts=$(sed 's/\x1b\[[0-9;]*m//g' "$log" \
  | sed -nE 's/.*- +Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+), +Total:.*/\2 \1 \3/p')
summary_done=1
if [ -z "$counts" ]; then
  echo "0 passed, 0 failed"
  exit 1
fi
awk '{ p += $1; f += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' <<<"$counts"
exit "$rc"
