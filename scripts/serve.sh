#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:${PORT:-8080}/ (the sample plan opens on a
# first visit). Installs what is missing first (scripts/setup.sh). Ctrl+C stops the server.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-8080}
"$here/scripts/setup.sh"
"$here/scripts/build.sh" web
echo
echo "Plotline is served at http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$here/build/web/dist"
