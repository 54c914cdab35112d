"""Packaging benchmark: bundle size (< 150 MB), .deb size (< 70 MB), packaged start to the
unlock window (< 2 s) and ``--self-test`` (< 5 s), on this Linux machine.

Run from the repository root: ``.venv/bin/python -m bench.packaging_bench [--reuse DIR]
[--repeats 5] [--xz]``. Builds the packages with packaging/build_linux.sh into a temporary
folder (or takes the bundle already built in ``DIR``, build_linux.sh's ``--work``), then
times the bundle as unpacked from the .tar.gz: the self-test offscreen, and the start to
the unlock window of an existing vault under Xvfb (from starting the process to the window
being mapped, polled with xwininfo every 10 ms). "first" is the first run after the build
(files not yet in the page cache); the median is over the repeats after it. Not part of the
test suite; the installed .deb is checked by tests/packaging/test_pkg_linux.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tarfile
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _pkgcheck() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pkgcheck", ROOT / "packaging" / "pkgcheck.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pkgcheck"] = module
    spec.loader.exec_module(module)
    return module


def _row(name: str, value: str, target: str, ok: bool) -> str:
    return f"| {name:<34} | {value:>12} | {target:>9} | {'yes' if ok else 'NO':>4} |"


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse), measure, print a Markdown table; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", type=Path, help="build_linux.sh --work folder to reuse")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs after the first")
    parser.add_argument("--xz", action="store_true", help="compress the .deb with xz")
    args = parser.parse_args(argv)
    pc = _pkgcheck()
    with tempfile.TemporaryDirectory(prefix="brankas-pkgbench-") as tmp:
        root = Path(tmp)
        work = args.reuse or root / "work"
        packages = pc.build(root / "out", work, reuse=args.reuse is not None, xz=args.xz)
        print(f"[bench] packages built in {packages.build_seconds:.0f} s", file=sys.stderr)
        with tarfile.open(packages.tarball) as tar:
            tar.extractall(root / "unpacked", filter="tar")
        program = next((root / "unpacked").glob("brankas-*/brankas"))
        env = pc.isolated_env(root / "home", QT_QPA_PLATFORM="offscreen")
        self_tests = []
        for _ in range(args.repeats + 1):
            seconds, code, out = pc.run_self_test(program, env, root)
            if code != 0:
                print(out, file=sys.stderr)
                return 1
            self_tests.append(seconds)
        starts: list[float] = []
        if pc.x11_tools_available():
            vault = root / "vault"
            pc.make_vault(vault)
            with pc.xvfb() as display:
                for _ in range(args.repeats + 1):
                    seconds, _title = pc.time_to_window(
                        program, ["--vault", str(vault)], env, display
                    )
                    starts.append(seconds)
        else:
            print("[bench] Xvfb or xwininfo missing: start time not measured", file=sys.stderr)
        bundle = pc.tree_size(packages.bundle)
        deb = packages.deb.stat().st_size
        tarball = packages.tarball.stat().st_size
    rows = [
        "| figure                             |        value |    target |   ok |",
        "|---|---:|---:|---:|",
        _row("bundle, unpacked", f"{bundle / MB:.1f} MB", "< 150 MB", bundle < pc.BUNDLE_MAX),
        _row(
            ".deb (" + ("xz" if args.xz else "zstd") + ")",
            f"{deb / MB:.1f} MB",
            "< 70 MB",
            deb < pc.DEB_MAX,
        ),
        _row(".tar.gz", f"{tarball / MB:.1f} MB", "—", True),
    ]
    ok = bundle < pc.BUNDLE_MAX and deb < pc.DEB_MAX
    for label, values, target in (
        ("--self-test", self_tests, pc.SELF_TEST_MAX),
        ("start → unlock window", starts, pc.START_MAX),
    ):
        if not values:
            continue
        median = statistics.median(values[1:]) if len(values) > 1 else values[0]
        rows.append(
            _row(f"{label}, first", f"{values[0]:.2f} s", f"< {target:g} s", values[0] < target)
        )
        rows.append(
            _row(
                f"{label}, median of {len(values) - 1}",
                f"{median:.2f} s",
                f"< {target:g} s",
                median < target,
            )
        )
        ok = ok and median < target
    print("\n".join(rows))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
