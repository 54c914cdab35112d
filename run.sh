#!/usr/bin/env bash
# Launch Brankas. The first run sets up everything it needs (see tools/bootstrap.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/tools/bootstrap.sh" run
exec "$here/.venv/bin/python" -m brankas.gui.app "$@"
