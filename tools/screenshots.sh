#!/usr/bin/env bash
# Screenshots of every screen in Indonesian and English, taken under Xvfb at 1366x768,
# into screenshots/ (gitignored). The first run sets up what it needs, like test.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/tools/bootstrap.sh" test   # the test set-up includes xvfb and xauth
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "[brankas] installing xvfb" >&2
    if [ "$(id -u)" = 0 ]; then sudo_=""; else sudo_="sudo"; fi
    $sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
fi
cd "$here"
unset QT_QPA_PLATFORM   # a real X server this time
exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py "$@"
