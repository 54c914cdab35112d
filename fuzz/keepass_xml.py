"""Fuzz target: a KeePass / KeePassXC XML export."""

from __future__ import annotations

from fuzz._harness import as_file, instrumented, main, typed

with instrumented(__name__):
    from brankas.core.importers import keepass


def TestOneInput(data: bytes) -> None:
    typed(keepass.read_xml, as_file(data, "keepass.xml"))


if __name__ == "__main__":
    main(TestOneInput)
