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

dotnet restore "$root/Pipeline.sln" -nologo -v quiet >/dev/null
echo "bootstrap: ready" >&2
