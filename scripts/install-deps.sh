#!/usr/bin/env bash
# Installs what Stegvis needs from Debian 12 (apt) and npm, only what is missing.
# Used by run.sh and test.sh. Needs root (or sudo) for apt on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libcpp-httplib-dev libsoci-dev libsqlite3-dev libpq-dev libboost-dev
  nlohmann-json3-dev libkainjow-mustache-dev libspdlog-dev libcli11-dev libtomlplusplus-dev
  libsodium-dev libpango1.0-dev libcairo2-dev fonts-dejavu-core libxlsxwriter-dev libqrencode-dev
  libgtest-dev libgmock-dev sqlite3 libjemalloc-dev
)
# Node.js may come from elsewhere than Debian (its own npm then conflicts with Debian's).
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
if [ "${STEGVIS_WITH_TEST_TOOLS:-0}" = 1 ]; then
  packages+=(postgresql-15 chromium poppler-utils libreoffice-calc-nogui unzip wrk clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Browser-side assets (htmx) and browser-test tools come from npm, pinned by package-lock.json.
if [ ! -d node_modules/htmx.org ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# The server reads htmx and Chart.js from node_modules (src/http/static_routes.cpp); no copies in web/.
rm -f web/static/htmx.min.js web/static/chart.umd.min.js
