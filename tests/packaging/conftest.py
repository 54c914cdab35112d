"""The Linux packages, built once per test session (PyInstaller takes ~40 s) and shared."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from typing import Any

import pytest
from pkg_support import pkgcheck


@pytest.fixture(scope="session")
def linux_packages(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The bundle, .tar.gz and .deb of this source tree (a ``pkgcheck.Packages``)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux packages are built on Linux")
    for tool in ("dpkg-deb", "dpkg-shlibdeps"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run tools/bootstrap.sh test")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: run tools/bootstrap.sh test (packaging extra)")
    root = tmp_path_factory.mktemp("pkg")
    packages = pkgcheck.build(root / "out", root / "work")  # type: ignore[attr-defined]
    print(f"packages built in {packages.build_seconds:.0f} s")
    return packages
