#!/usr/bin/env bash
# Installs what is missing, builds, loads the Sörmland demo into SQLite on the
# first run, and serves Stegvis on http://localhost:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
mkdir -p var
DB=${STEGVIS_DB:-sqlite:var/stegvis-demo.db}
if [ "$DB" = "sqlite:var/stegvis-demo.db" ] && [ ! -f var/stegvis-demo.db ]; then
  build/stegvis demo --db "$DB" --key-file var/stegvis.key
fi
echo "Stegvis: http://localhost:${STEGVIS_PORT:-8080}/  (demo users in README.md, password demo-stegvis)"
exec build/stegvis serve --db "$DB" --key-file var/stegvis.key --port "${STEGVIS_PORT:-8080}"
