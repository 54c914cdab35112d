#!/usr/bin/env bash
# Set up everything Brankas needs on a Debian/Ubuntu machine, idempotently:
# the system libraries Qt loads, a virtual environment in .venv with the project
# installed from pyproject.toml, and the compiled translations.
# Usage: tools/bootstrap.sh [test]   ("test" also installs the test tools)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
want="${1:-run}"

say() { printf '[brankas] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "need root to run: $*"; return 1; fi
}

# Libraries Qt needs even offscreen (found with ldd on the PySide6 libraries), the
# xcb set for a real window, and the tools the test suite uses.
apt_pkgs=(
    python3-venv libglib2.0-0 libdbus-1-3 libegl1 libgl1 libx11-6 libfontconfig1
    libfreetype6 libxkbcommon0 fonts-dejavu-core
    libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
)
if [ "$want" = test ]; then
    # Secret Service for the one real keyring test; xvfb for screenshots.
    apt_pkgs+=(dbus dbus-bin dbus-daemon gnome-keyring libsecret-tools xvfb xauth minisign age unzip keepassxc poppler-utils)
    apt_pkgs+=(nsis desktop-file-utils appstream binutils dpkg-dev x11-utils)  # packaging tests
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${apt_pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing system packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq \
            --no-install-recommends "${missing[@]}" >/dev/null
    fi
else
    say "not a Debian-like system: make sure Qt's libraries are installed"
fi

py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "Python 3.11 or newer is required (found $("$py" --version 2>&1))"
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    say "creating the virtual environment in .venv"
    "$py" -m venv .venv
fi

extras="."
[ "$want" = test ] && extras=".[test,packaging]"
# The extras are part of the stamp: a venv set up before an extra was added gets it too.
stamp=".venv/.brankas-$want-$( (cat pyproject.toml; echo "$extras") | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    say "installing Python packages ($extras)"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e "$extras"
    rm -f .venv/.brankas-"$want"-*
    touch "$stamp"
fi

# Compile translations (.ts -> .qm) when a source is newer than its output.
for ts in resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
        .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
    fi
done
