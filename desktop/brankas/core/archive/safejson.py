"""Parse JSON from a file nobody vouched for yet: size and depth limits, strict UTF-8, no duplicate keys."""

from __future__ import annotations

import json
from typing import Any, Final

from brankas.core.errors import ArchiveMalformed, ArchiveTooLarge

MAX_JSON_DEPTH: Final = 32


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        # Two readers could pick different values for one key: refuse the ambiguity.
        raise ValueError("duplicate key")
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def load_json(
    raw: bytes,
    *,
    member: str,
    max_bytes: int,
    max_depth: int | None = MAX_JSON_DEPTH,
    strict_keys: bool = True,
) -> Any:
    """Parse JSON from an archive with limits.

    Args:
        raw: the bytes (UTF-8, no byte order mark).
        member: the file's name, for the error.
        max_bytes: refuse anything larger.
        max_depth: refuse deeper nesting (None: only the parser's own recursion guard, for
            big documents whose schema is checked field by field afterwards).
        strict_keys: refuse duplicate keys in an object (costs ~30 % on big documents).

    Returns:
        The parsed value.

    Raises:
        ArchiveTooLarge: over ``max_bytes``.
        ArchiveMalformed: codes ``invalid_utf8``, ``json_too_deep``, ``json_invalid``.
    """
    if len(raw) > max_bytes:
        raise ArchiveTooLarge(
            f"{member} is larger than {max_bytes} bytes", code="json_too_large", member=member
        )
    try:
        text = raw.decode("utf-8")
        # The caller may have handed over its only reference: free the bytes before the
        # parsed objects are built (a big data.json would otherwise be held three times).
        del raw
    except UnicodeDecodeError:
        raise ArchiveMalformed(
            f"{member} is not valid UTF-8", code="invalid_utf8", member=member
        ) from None
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates if strict_keys else None,
            parse_constant=_no_constant,
        )
    except RecursionError:
        raise ArchiveMalformed(
            f"{member} is nested too deeply", code="json_too_deep", member=member
        ) from None
    except ValueError:
        raise ArchiveMalformed(
            f"{member} is not valid JSON", code="json_invalid", member=member
        ) from None
    if max_depth is not None and _depth_exceeds(value, max_depth):
        raise ArchiveMalformed(
            f"{member} is nested too deeply", code="json_too_deep", member=member
        )
    return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False
