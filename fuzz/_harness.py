"""What every fuzz target shares: atheris when installed, typed refusals, a scratch folder.

A target module defines ``TestOneInput(data: bytes)`` and imports the parser inside
``instrumented(__name__, ...)``. Imported by a test (or without atheris) the same module
loads uninstrumented and ``TestOneInput`` runs as a plain function, so the normal suite
replays the seed corpus through exactly the code the fuzzer runs.
"""

from __future__ import annotations

import contextlib
import copy
import json
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT / "tests", ROOT / "desktop"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from brankas.core.errors import BrankasError  # noqa: E402

try:
    import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # the normal suite: TestOneInput still runs, uninstrumented
    atheris = None

# One scratch folder per process for the parsers that read a file.
SCRATCH = Path(tempfile.mkdtemp(prefix="brankas-fuzz-"))


@contextlib.contextmanager
def instrumented(module: str, *extra: str) -> Iterator[None]:
    """Instrument brankas (and ``extra`` top-level modules) imported in this block, when
    the target runs as the fuzzer (``module`` is ``"__main__"``); imported by a test, the
    parsers stay plain."""
    if atheris is None or module != "__main__":
        yield
        return
    with atheris.instrument_imports(include=["brankas", *extra]):
        yield


def typed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Call a parser: success or a BrankasError is fine; any other exception propagates,
    which atheris reports as a crash (with the input written to crash-<sha1>)."""
    with contextlib.suppress(BrankasError):
        fn(*args, **kwargs)


def as_file(data: bytes, name: str) -> Path:
    """Write the input where a path-taking parser reads it."""
    path = SCRATCH / name
    path.write_bytes(data)
    return path


_ODD_VALUES: tuple[Any, ...] = (
    None, True, 0, -1, 1, 2**31, 2**64, -(2**63), 1.5, float("inf"), "", "x", "A" * 300,
    "AAAA", "=", "argon2id", "aes", [], {}, [[[]]], {"a": {}}, "\u0000", "é",
)  # fmt: skip


def _nodes(doc: Any, out: list[tuple[Any, Any]]) -> None:
    """Every (container, key) pair of a JSON document."""
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    )
    for key, value in list(items):
        out.append((doc, key))
        _nodes(value, out)


def json_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    """Structure-aware mutation for JSON inputs: half the time change, drop or copy one
    value of the parsed document (so the input stays JSON and reaches the checks past the
    decoder); otherwise, or when the input is not JSON, libFuzzer's byte mutation."""
    rng = random.Random(seed)
    assert atheris is not None
    if rng.random() < 0.5:
        try:
            doc = json.loads(data)
        except (ValueError, RecursionError):
            doc = None
        nodes: list[tuple[Any, Any]] = []
        _nodes(doc, nodes)
        if nodes:
            parent, key = rng.choice(nodes)
            other = rng.choice(nodes)
            action = rng.randrange(4)
            if action == 0 and isinstance(parent, dict):
                del parent[key]
            elif action == 1:
                parent[key] = copy.deepcopy(other[0][other[1]])
            else:
                parent[key] = rng.choice(_ODD_VALUES)
            out = json.dumps(doc, separators=(",", ":")).encode()
            if len(out) <= max_size:
                return out
    result: bytes = atheris.Mutate(data, max_size)
    return result


def main(
    test_one_input: Callable[[bytes], None],
    custom_mutator: Callable[[bytes, int, int], bytes] | None = None,
) -> None:
    """Run libFuzzer over ``test_one_input`` with the command line's libFuzzer flags."""
    if atheris is None:
        raise SystemExit("atheris is not installed: ./fuzz.sh installs it (pip install .[fuzz])")
    if custom_mutator is None:
        atheris.Setup(sys.argv, test_one_input)
    else:
        atheris.Setup(sys.argv, test_one_input, custom_mutator=custom_mutator)
    atheris.Fuzz()
