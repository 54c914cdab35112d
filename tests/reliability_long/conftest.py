"""The long reliability suite reuses the sampled tests of tests/core/reliability at full counts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "reliability"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "security"))

# Only ./reliability.sh runs this folder: the normal suite keeps to the samples.
if os.environ.get("BRANKAS_RELIABILITY_LONG") != "1":
    collect_ignore_glob = ["test_*.py"]
