#!/usr/bin/env bash
# Builds everything (warnings are errors), runs every test, checks formatting, and ends with
# the summary line "N passed, N failed, N skipped" that CI reads.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/.tmp/test-results"
rm -rf "$results"
mkdir -p "$results"

"$root/scripts/bootstrap.sh" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

if ! dotnet build Pipeline.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test Pipeline.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" \
  --results-directory "$results"
test_exit=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # Skipped tests are counted in total but not in executed.
  skipped=$((skipped + $(value total) - $(value executed)))
done

format_failed=0
if ! dotnet format Pipeline.sln --verify-no-changes --no-restore -v quiet >/dev/null 2>&1; then
  echo "dotnet format: files are not formatted (run: dotnet format Pipeline.sln)"
  format_failed=1
fi

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without reporting a failed test (crash, no results)
fi
failed=$((failed + format_failed))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
