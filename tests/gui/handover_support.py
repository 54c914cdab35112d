"""Helpers for the handover GUI tests: an environment on a demo-vault session at the story's
date, with file dialogs, the browser and printers replaced."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from test_gui_org_support import fixed_clock, open_session

from brankas.core.services.context import ServiceContext
from brankas.gui.context import AppContext
from brankas.gui.handover.env import HandoverEnv, Hooks
from brankas.gui.session import Session

STORY_DAY = date(2025, 3, 10)  # the demo story's "now": overdue, unrotated, half-done work


@dataclass
class FakeWorld:
    """What the replaced hooks saw and answer."""

    folder: Path
    save_as: Path | None = None
    open_path: Path | None = None
    opened_urls: list[str] = field(default_factory=list)
    printer: bool = False
    unexpected: list[BaseException] = field(default_factory=list)

    def hooks(self) -> Hooks:
        return Hooks(
            save_file=lambda _p, _t, name, _f: self.save_as or self.folder / name,
            open_file=lambda _p, _t, _f: self.open_path,
            choose_folder=lambda _p, _t: self.folder,
            open_url=lambda url: self.opened_urls.append(url) or True,
            has_printer=lambda: self.printer,
        )


@contextmanager
def demo_session(gui_ctx: AppContext, tmp_path: Path) -> Iterator[Session]:
    """A session on a fresh copy of the demo vault."""
    with open_session(gui_ctx, tmp_path / "demo") as s:
        yield s


def fake_world(tmp_path: Path) -> FakeWorld:
    """Hooks that save into ``tmp_path/out``."""
    out = tmp_path / "out"
    out.mkdir()
    return FakeWorld(out)


def make_env(session: Session, world: FakeWorld) -> HandoverEnv:
    """An environment on ``session`` at the story's date."""
    return HandoverEnv(
        session=lambda: session,
        on_unexpected=world.unexpected.append,
        clock=fixed_clock(STORY_DAY),
        hooks=world.hooks(),
    )


def ctx_of(session: Session) -> ServiceContext:
    """A service context on the session at the story's date (for checking the vault)."""
    return ServiceContext(session.vault, clock=fixed_clock(STORY_DAY))
