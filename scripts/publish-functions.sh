#!/usr/bin/env bash
# Builds the Functions app's deployable zip (for Flex Consumption's deployment container, or `az functionapp deployment source config-zip`).
# Usage: scripts/publish-functions.sh [OUT.zip]   (default out/functions.zip)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
zip_path="$(realpath -m "${1:-$root/out/functions.zip}")"
publish="$root/out/functions-publish"
rm -rf "$publish"
dotnet publish "$root/functions/Pipeline.Functions.csproj" -c Release -o "$publish" -nologo -v quiet
for required in host.json functions.metadata Pipeline.Functions.dll worker.config.json; do
  [ -f "$publish/$required" ] || { echo "publish-functions: $required is missing from the publish output" >&2; exit 1; }
done
mkdir -p "$(dirname "$zip_path")"
rm -f "$zip_path"
# The host reads host.json and functions.metadata at the root of the package.
(cd "$publish" && python3 -c "import shutil,sys; shutil.make_archive(sys.argv[1][:-4], 'zip', '.')" "$zip_path")
echo "publish-functions: $zip_path" >&2
