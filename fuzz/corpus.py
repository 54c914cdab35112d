"""Write the seed corpus (real inputs) for the fuzz targets: python -m fuzz.corpus OUT [TARGET...]."""

from __future__ import annotations

import sys
from pathlib import Path

import fuzz._harness  # noqa: F401 - puts tests/ and desktop/ on sys.path
from brankas_fuzzing import SEEDS, write_corpus

if __name__ == "__main__":
    names = sys.argv[2:] or list(SEEDS)
    unknown = [n for n in names if n not in SEEDS]
    if unknown:
        raise SystemExit(f"unknown fuzz target(s): {' '.join(unknown)}; known: {' '.join(SEEDS)}")
    for name, folder in write_corpus(Path(sys.argv[1]), names).items():
        print(f"{name}: {len(list(folder.iterdir()))} seeds in {folder}")
