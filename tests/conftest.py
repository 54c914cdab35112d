"""Shared test set-up. Qt must never need a real display here."""

from __future__ import annotations

import os

# Without a display, a Qt test would abort the whole pytest process (PITFALLS.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
