"""Gather the licence texts of every component the bundle ships into resources/licenses/.

Usage: .venv/bin/python packaging/collect_licenses.py [--check]

Writes one text file per component and ``components.json`` (name, licence, file, url),
which the About dialog lists. Python packages are found from brankas's own requirements,
transitively, and their texts taken from their installed metadata; the rest (Python, Qt,
SQLCipher, ICU, OpenSSL, the PyInstaller bootloader) from the interpreter, Debian's
/usr/share/common-licenses or packaging/licenses/. Run it on Debian after changing a
dependency and commit the result; ``--check`` fails when the committed files are stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licenses"
STATIC = ROOT / "packaging" / "licenses"
COMMON = Path("/usr/share/common-licenses")
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.I)
# Not shipped although required: build-time or Python-2 backports.
_NOT_SHIPPED = {"pycparser"}
# Licences where the package metadata says nothing usable.
_SPDX = {
    "pyrage": "MIT",
    "sqlcipher3": "Zlib",
    "backports-tarfile": "MIT",
    "jaraco-classes": "MIT",
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "pykeepass": "GPL-3.0-only",
    "pycryptodomex": "BSD-2-Clause AND Unlicense",
    "lxml": "BSD-3-Clause",
    "construct": "MIT",
    "openpyxl": "MIT",
    "et-xmlfile": "MIT",
    "zxcvbn": "MIT",
}


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "brankas") -> list[metadata.Distribution]:
    """The installed distributions brankas needs at run time (transitively)."""
    seen: dict[str, metadata.Distribution] = {}

    def walk(name: str) -> None:
        dist = metadata.distribution(name)
        for req in dist.requires or []:
            spec, _, marker = req.partition(";")
            if marker and not Marker(marker).evaluate({"extra": ""}):
                continue
            dep = re.split(r"[\s<>=!~\[(]", spec.strip(), maxsplit=1)[0]
            key = _key(dep)
            if key in seen or key in _NOT_SHIPPED:
                continue
            try:
                seen[key] = metadata.distribution(dep)
            except metadata.PackageNotFoundError:
                continue  # an optional dependency for another platform
            walk(dep)

    walk(root)
    return [seen[k] for k in sorted(seen)]


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    name = _key(meta["Name"])
    if name in _SPDX:
        return _SPDX[name]
    expression = meta.get("License-Expression") or ""
    if expression:
        return expression
    licence = (meta.get("License") or "").strip()
    return licence if licence and len(licence) < 60 and "\n" not in licence else "see text"


def _texts(dist: metadata.Distribution) -> str:
    parts = []
    for file in sorted(dist.files or [], key=str):
        if ".dist-info/" in str(file) and _LICENCE_FILE.search(str(file)):
            parts.append(f"----- {Path(str(file)).name} -----\n{file.read_text(encoding='utf-8')}")
    return "\n\n".join(parts)


def _python_licence() -> str:
    for candidate in (
        Path(sys.base_prefix) / "LICENSE.txt",
        Path(sys.base_prefix)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "LICENSE.txt",
    ):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise SystemExit("the Python licence text was not found")


def _common(name: str) -> str:
    path = COMMON / name
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run this on Debian or Ubuntu")
    return path.read_text(encoding="utf-8")


def components() -> list[tuple[dict[str, str], str]]:
    """Every component as (its components.json entry, its licence text)."""
    lgpl = (
        _common("LGPL-3")
        + "\n\n----- GPL-3 (which the LGPL-3 adds to) -----\n\n"
        + _common("GPL-3")
    )
    out: list[tuple[dict[str, str], str]] = [
        ({"name": "Brankas", "licence": "GPL-3.0-or-later"}, _common("GPL-3")),
        ({"name": "Python", "licence": "PSF-2.0"}, _python_licence()),
        (
            {"name": "Qt", "licence": "LGPL-3.0-only", "url": "https://www.qt.io/licensing/"},
            "Qt 6 is used under the GNU LGPL version 3, as separate shared libraries that\n"
            "can be replaced (the PySide6/Qt folder of the installation). Its source is at\n"
            "https://download.qt.io/official_releases/qt/.\n\n" + lgpl,
        ),
        ({"name": "SQLCipher", "licence": "BSD-3-Clause"}, (STATIC / "SQLCipher.txt").read_text()),
        ({"name": "ICU", "licence": "Unicode-3.0"}, (STATIC / "ICU.txt").read_text()),
        (
            {"name": "OpenSSL", "licence": "Apache-2.0"},
            "OpenSSL 3 (in the cryptography module, and Python's ssl module on Windows).\n\n"
            + _common("Apache-2.0"),
        ),
    ]
    for dist in runtime_distributions():
        name = dist.metadata["Name"]
        text = _texts(dist)
        if _key(name) in ("pyside6-essentials", "shiboken6"):
            text = text or "PySide6 and Shiboken6 are under the GNU LGPL version 3; see Qt.txt.\n"
        if not text:
            raise SystemExit(f"no licence text found for {name}")
        out.append(({"name": name, "dist": name, "licence": _licence_of(dist)}, text))
    pyi = metadata.distribution("pyinstaller")
    out.append(
        (
            {
                "name": "PyInstaller bootloader",
                "licence": "GPL-2.0-or-later WITH Bootloader-exception",
            },
            _texts(pyi),
        )
    )
    return out


def outputs() -> dict[Path, str]:
    """Every file to write and its content."""
    files: dict[Path, str] = {}
    index = []
    for entry, text in components():
        file = re.sub(r"[^A-Za-z0-9.+-]+", "-", entry["name"]).strip("-") + ".txt"
        files[OUT / file] = text.rstrip() + "\n"
        index.append({**entry, "file": file})
    files[OUT / "components.json"] = json.dumps(index, indent=1, ensure_ascii=False) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    """Write resources/licenses/ (or with --check, report what is stale)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        stale = [
            str(p.relative_to(ROOT))
            for p, text in files.items()
            if not p.is_file() or p.read_text(encoding="utf-8") != text
        ]
        extra = sorted({p.name for p in OUT.glob("*")} - {p.name for p in files})
        if stale or extra:
            print("run packaging/collect_licenses.py:", *stale, *extra, sep="\n  ")
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        if old not in files:
            old.unlink()
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files into {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
