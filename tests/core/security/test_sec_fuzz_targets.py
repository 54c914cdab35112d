"""The atheris fuzz targets (fuzz/, run by ./fuzz.sh) replay their real seed corpus here,
without atheris: each target module imports, its seeds are built, and ``TestOneInput``
accepts every seed (a typed refusal at most) — so a target cannot rot unnoticed."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from brankas_fuzzing import SEEDS, write_corpus

ROOT = Path(__file__).resolve().parents[3]
TARGETS = sorted(SEEDS)


def test_sec_fuzz_every_target_has_a_module_and_seeds() -> None:
    modules = {p.stem for p in (ROOT / "fuzz").glob("*.py") if not p.stem.startswith("_")}
    assert modules - {"corpus"} == set(TARGETS)
    script = (ROOT / "fuzz.sh").read_text()
    assert all(t in script for t in TARGETS)  # ./fuzz.sh all runs every target


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))  # the .kdbx is built once


@pytest.mark.parametrize("target", TARGETS)
def test_sec_fuzz_target_runs_its_seed_corpus(target: str, corpus: dict[str, Path]) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    module = importlib.import_module(f"fuzz.{target}")
    seeds = sorted(corpus[target].iterdir())
    assert seeds
    for seed in seeds:
        module.TestOneInput(seed.read_bytes())
    # The harness must let an untyped exception through (atheris reports it as a crash).
    with pytest.raises(TypeError):
        module.typed(lambda: None + 1)
