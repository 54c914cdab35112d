"""brankas-cli start-up: the command tree is declared without importing the commands, each
handler is imported when its command runs, and ``--stats`` reports KDF and post-KDF figures."""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from brankas.cli import main
from brankas.cli import parser as cli_parser
from brankas.cli.stats import RunStats, peak_rss_kib, reset_peak_rss
from cli_support import PW, make_demo, vault_args

# Modules a plain start-up, or a lean read, must not load.
HEAVY = (
    "keyring",
    "pyrage",
    "openpyxl",
    "importlib.metadata",
    "brankas.core.archive",
    "brankas.core.importers",
    "brankas.core.review.load",
    "brankas.core.review.snapshot",
    "brankas.core.services",
    "brankas.cli.archive_cmds",
    "brankas.cli.domain_cmds",
    "brankas.cli.import_cmds",
    "brankas.cli.vault_cmds",
    "PySide6",
)


def _loaded_after(argv: list[str], stdin: str = "") -> set[str]:
    code = (
        "import io, sys, contextlib\n"
        f"sys.stdin = io.StringIO({stdin!r})\n"
        "from brankas.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def _heavy(mods: set[str]) -> list[str]:
    return sorted(m for m in mods if m.startswith(HEAVY))


def test_help_and_usage_errors_import_no_command_module() -> None:
    assert _heavy(_loaded_after(["--help"])) == []
    assert _heavy(_loaded_after(["accounts", "show", "--help"])) == []
    assert _heavy(_loaded_after(["accounts", "list", "--no-such-option"])) == []


def test_version_is_looked_up_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"brankas-cli {version('brankas')}\n"


def _subparsers(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _walk(
    p: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, p
    for name, child in _subparsers(p).items():
        yield from _walk(child, (*path, name))


def test_every_command_names_a_handler_that_exists() -> None:
    leaves = 0
    for path, p in _walk(cli_parser.build_parser()):
        if _subparsers(p):
            continue
        func = p.get_default("func")
        assert isinstance(func, cli_parser.Command), path
        assert callable(func.resolve()), path
        leaves += 1
    assert leaves == 37  # every leaf command of the tree as documented in --help


def test_filling_one_command_gives_the_same_parser_as_the_whole_tree() -> None:
    whole = dict(_walk(cli_parser.build_parser()))
    for group in cli_parser.groups():
        part = dict(_walk(cli_parser.build_parser([group.name, "--help"])))
        for path, p in part.items():
            if path and path[0] == group.name:
                assert p.format_help() == whole[path].format_help(), path
    assert whole[()].format_help() == cli_parser.build_parser(["check"]).format_help()
    assert (
        cli_parser.build_parser(["-v", "--stats", "check"])
        .parse_args(["-v", "--stats", "check", "--json"])
        .json
    )


def test_choices_written_in_the_parser_match_the_code() -> None:
    from brankas.cli import import_args, import_cmds
    from brankas.core.importers.export import ExportFormat
    from brankas.core.importers.mapping import Field

    assert tuple(f.value for f in Field) == import_args.MAPPING_FIELDS
    assert tuple(f.value for f in ExportFormat) == import_args.EXPORT_FORMATS
    assert tuple(sorted(import_cmds._DUPLICATES)) == import_args.DUPLICATE_CHOICES


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("lazy") / "demo")


_v = vault_args


def test_lean_reads_load_no_services_archive_or_snapshot(demo: Path) -> None:
    for argv in (["accounts", "list"], ["accounts", "search", "biau"]):
        loaded = _loaded_after([*argv, *_v(demo)], PW + "\n")
        assert "brankas.core.review.lookup" in loaded
        assert _heavy(loaded) == [], argv


def test_stats_reports_the_kdf_and_the_peak_after_it(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    assert main(["--stats", "accounts", "list", *_v(demo)]) == 0
    err = capsys.readouterr().err
    found = re.search(
        r"stats: kdf (\d+\.\d{3}) s \(1x\); rest (\d+\.\d{3}) s; "
        r"peak RSS after kdf (\d+\.\d MiB|n/a); peak RSS total (\d+\.\d MiB|n/a)",
        err,
    )
    assert found, err
    assert float(found[1]) > 0.0
    if sys.platform == "linux":
        after, total = (float(found[i].split()[0]) for i in (3, 4))
        assert after <= total


def test_without_stats_nothing_is_printed(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    assert main(["accounts", "list", *_v(demo)]) == 0
    assert "stats:" not in capsys.readouterr().err


@pytest.mark.skipif(sys.platform != "linux", reason="the high-water mark is Linux's")
def test_the_peak_is_reset_to_the_current_size() -> None:
    ballast = bytearray(48 * 1024 * 1024)  # touched: resident
    ballast[::4096] = b"x" * len(ballast[::4096])
    high = peak_rss_kib()
    del ballast
    assert reset_peak_rss()
    low = peak_rss_kib()
    assert high is not None and low is not None
    assert low < high - 32 * 1024


def test_run_stats_counts_every_kdf() -> None:
    stats = RunStats(started=0.0)
    stats.on_kdf(0.25)
    stats.on_kdf(0.5)
    line = stats.report(now=2.0)
    assert line.startswith("stats: kdf 0.750 s (2x); rest 1.250 s; peak RSS after kdf ")
    assert (
        RunStats(started=0.0)
        .report(now=1.0)
        .startswith("stats: kdf 0.000 s (0x); rest 1.000 s; peak RSS after kdf n/a")
    )


def test_every_command_module_imports_without_qt() -> None:
    # brankas.cli no longer imports its command modules, so the architecture test's
    # "import brankas.cli" does not cover them: import each here (Qt only when a PDF is made).
    code = (
        "import importlib, pkgutil, sys, brankas.cli\n"
        "for m in pkgutil.iter_modules(brankas.cli.__path__, 'brankas.cli.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
