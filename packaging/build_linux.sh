#!/usr/bin/env bash
# Build the Linux packages of Brankas: the PyInstaller bundle (onedir), a .tar.gz of it,
# and a .deb (app in /opt/brankas, /usr/bin/brankas, desktop entry, hicolor icons,
# AppStream metainfo, MIME types). Debian 12 / Ubuntu 22.04 or newer (glibc >= 2.34).
#
# Usage: packaging/build_linux.sh [--out DIR] [--work DIR] [--reuse-bundle] [--no-manual]
#   --out DIR        where the .tar.gz and .deb go (default: dist/)
#   --work DIR       PyInstaller's work and dist folders (default: build/pyinstaller)
#   --reuse-bundle   package the bundle already in --work instead of building it again
#   --no-manual      do not build the user manual PDF (the bundle ships without it)
#   --xz             compress the .deb with xz (smaller, ~1.5 min) instead of zstd (~2 s);
#                    both install on Debian 12 / Ubuntu 22.04 and newer
# Needs: the project's .venv with the "packaging" extra (tools/bootstrap.sh test),
# dpkg-deb and dpkg-shlibdeps (dpkg-dev).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

out="dist"
work="build/pyinstaller"
reuse=0
manual=1
compress=(-Zzstd -z9)
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --reuse-bundle) reuse=1; shift ;;
        --no-manual) manual=0; shift ;;
        --xz) compress=(-Zxz); shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
say() { printf '[build_linux] %s\n' "$*" >&2; }

py=".venv/bin/python"
version="$("$py" -c 'from importlib.metadata import version; print(version("brankas"))')"
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
mkdir -p "$out" "$work"
out="$(cd "$out" && pwd)"
work="$(cd "$work" && pwd)"
bundle="$work/dist/brankas"

# 1. The bundle ------------------------------------------------------------------------
if [ "$reuse" = 0 ] || [ ! -x "$bundle/brankas" ]; then
    if [ "$manual" = 1 ]; then
        say "building the user manual (PDF)"
        "$py" docs/manual/build_manual.py >&2
    fi
    say "PyInstaller: bundling Brankas $version"
    BRANKAS_REQUIRE_MANUAL="$manual" "$py" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$work/dist" --workpath "$work/build" packaging/brankas.spec >&2
fi
[ -x "$bundle/brankas" ] || { say "the bundle was not built"; exit 1; }

# 2. The .tar.gz -----------------------------------------------------------------------
name="brankas-$version-linux-$arch"
tarball="$out/$name.tar.gz"
say "writing $(basename "$tarball")"
stage_tar="$work/tar/$name"
rm -rf "$work/tar"
mkdir -p "$stage_tar"
cp -a "$bundle/." "$stage_tar/"
cp packaging/linux/brankas.desktop packaging/linux/INSTALL-linux.txt "$stage_tar/"
cp resources/icons/app/brankas.svg "$stage_tar/brankas.svg"
gzip_cmd="gzip -6"
command -v pigz >/dev/null 2>&1 && gzip_cmd="pigz -6"
tar -C "$work/tar" --owner=0 --group=0 --numeric-owner -cf - "$name" | $gzip_cmd > "$tarball"

# 3. The .deb --------------------------------------------------------------------------
root="$work/deb/root"
rm -rf "$work/deb"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/metainfo" "$root/usr/share/mime/packages" "$root/usr/share/doc/brankas"
cp -a "$bundle" "$root/opt/brankas"
ln -s /opt/brankas/brankas "$root/usr/bin/brankas"
install -m 644 packaging/linux/brankas.desktop "$root/usr/share/applications/brankas.desktop"
install -m 644 packaging/linux/brankas-mime.xml "$root/usr/share/mime/packages/brankas.xml"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%F)/" \
    packaging/linux/id.go.bawaslu.Brankas.metainfo.xml.in \
    > "$root/usr/share/metainfo/id.go.bawaslu.Brankas.metainfo.xml"
for png in resources/icons/app/png/brankas-*.png; do
    size="${png##*-}"; size="${size%.png}"
    install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/brankas.png"
done
install -D -m 644 resources/icons/app/brankas.svg \
    "$root/usr/share/icons/hicolor/scalable/apps/brankas.svg"
install -m 644 packaging/linux/copyright "$root/usr/share/doc/brankas/copyright"

# Depends: the libraries the bundle links against that it does not carry (PyInstaller's
# spec leaves the system's own out), as dpkg-shlibdeps finds them, plus what Qt loads at
# run time without linking (GL, EGL, fonts) — PITFALLS.md: without fontconfig every
# character is an empty box. The GTK theme plugin is optional: GTK is a Recommends.
shlib_dir="$work/deb/shlibs"
mkdir -p "$shlib_dir/debian"
printf 'Source: brankas\n\nPackage: brankas\nArchitecture: any\n' > "$shlib_dir/debian/control"
mapfile -t elves < <(find "$root/opt/brankas" -type f \( -name '*.so*' -o -name brankas \) \
    ! -name 'libqgtk3.so' -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
private=(-l"$root/opt/brankas/_internal" -l"$root/opt/brankas/_internal/PySide6/Qt/lib")
shlibs="$(cd "$shlib_dir" && dpkg-shlibdeps -O --ignore-missing-info "${private[@]}" \
    "${elves[@]/#/-e}" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
base="libgl1, libegl1, libfontconfig1, fonts-dejavu-core | fonts-liberation2, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libxcb-cursor0"
# A package named by dpkg-shlibdeps keeps its version constraint; the base entry goes.
depends="$(printf '%s\n' "$base" | tr ',' '\n' | sed 's/^ *//' | while read -r entry; do
    pkg="${entry%% *}"
    case ", $shlibs" in *", $pkg "* | *", $pkg,"* | *", $pkg") ;; *) printf '%s, ' "$entry" ;; esac
done)$shlibs"
depends="${depends%, }"
installed_kib="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<EOF
Package: brankas
Version: $version
Architecture: $arch
Maintainer: Brankas developers <brankas@localhost>
Installed-Size: $installed_kib
Depends: $depends
Recommends: libgtk-3-0, xdg-desktop-portal, gnome-keyring | kwalletmanager
Section: utils
Priority: optional
Description: encrypted vault for official social media accounts and handovers
 Brankas keeps the official social media accounts of the Panwaslu Kecamatan,
 their passwords and two-factor codes, and every handover between the regency
 office and the committees, in one encrypted vault (SQLCipher). It prints the
 handover report (BAST) and the recovery kit, and exports a signed, encrypted
 archive for the province's review.
EOF
deb="$out/brankas_${version}_${arch}.deb"
say "writing $(basename "$deb")"
dpkg-deb --root-owner-group "${compress[@]}" --build "$root" "$deb" >/dev/null
say "done: $tarball"
say "done: $deb"
printf '%s\n%s\n' "$tarball" "$deb"
