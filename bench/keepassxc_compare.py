"""``python -m bench.keepassxc_compare``: Brankas against KeePassXC, whole processes, same entries.

The same N synthetic accounts (``bench.synthetic``) go into a KeePassXC database made
with ``keepassxc-cli import`` from a generated KeePass XML file, and into a Brankas vault
(bulk insert). Then, alternating the two tools run by run, each command is timed as a
whole process, with its peak resident memory taken from ``wait4`` of that child:

* open + search a term   (``keepassxc-cli search``  / ``brankas-cli accounts search``)
* open + show one entry with its password (``show -s`` / ``accounts show ID --reveal``)
* open + list everything (``ls -R -f``              / ``accounts list``)

The two tools use different KDFs, so each is also reported KDF-excluded. KeePassXC's
KDF time is the open of a one-entry database made the same way (same KDF settings) less
its bare process start-up (``--version``). Brankas runs with ``--stats``, which times its
Argon2id in the process and resets the kernel's peak-RSS mark right after it returns;
each run's KDF-excluded time is its wall time less that run's KDF, and its KDF-excluded
memory is the peak after the KDF. KeePassXC's AES-KDF allocates nothing, so its
KDF-excluded peak is its total. Ratio = Brankas / KeePassXC on the KDF-excluded medians;
memory is judged KDF-excluded (both totals are shown).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
ADMIN, PASSWORD = "Admin Bench", "kata sandi bench yang panjang"
KEK_PASSWORD = "kata sandi keepassxc bench"
KECAMATAN = 25
OPS = ("search", "show", "list")
# Issue #9: Brankas at least 2x faster at 10,000 and 5x at 50,000 (KDF-excluded),
# and at most half KeePassXC's peak memory.
SPEED_TARGETS = {10_000: 2.0, 50_000: 5.0}


def _say(text: str) -> None:
    print(f"[keepassxc] {text}", file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class Run:
    """One whole-process run: wall seconds and peak RSS (MiB) of the child; with
    brankas-cli ``--stats`` also its own KDF seconds and its peak RSS after the KDF."""

    seconds: float
    rss_mib: float
    kdf_s: float | None = None
    rss_ex_kdf_mib: float | None = None


_STATS = re.compile(
    r"stats: kdf (?P<kdf>[\d.]+) s \(\d+x\); rest [\d.]+ s; "
    r"peak RSS after kdf (?P<after>[\d.]+) MiB; peak RSS total (?P<total>[\d.]+) MiB"
)


def _as_run(cmd: list[str], seconds: float, maxrss_kib: int, code: int, stderr: str) -> Run:
    if code != 0:
        raise SystemExit(f"{cmd[:3]} failed ({code}): {stderr[-2000:]!r}")
    rss = maxrss_kib / 1024
    found = _STATS.search(stderr)
    if found is None:
        return Run(seconds, rss)
    return Run(seconds, max(rss, float(found["total"])), float(found["kdf"]), float(found["after"]))


def run_child(cmd: list[str], stdin: str, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` feeding ``stdin``; time it and read its peak RSS via ``wait4``.

    Its peak includes this process's (see :class:`Launcher`): use a launcher to measure.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env)
        assert proc.stdin is not None
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode(errors="replace")
    return _as_run(cmd, seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), text)


# Runs in the launcher: one JSON request per line in, one JSON result per line out.
_LAUNCHER = """
import json, os, subprocess, sys, tempfile, time
for line in sys.stdin:
    req = json.loads(line)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(req["cmd"], stdin=subprocess.PIPE, stdout=out, stderr=err,
                                env=req["env"])
        proc.stdin.write(req["stdin"].encode())
        proc.stdin.close()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read()[-8000:].decode(errors="replace")
    print(json.dumps({"seconds": seconds, "maxrss_kib": usage.ru_maxrss,
                      "code": os.waitstatus_to_exitcode(status), "stderr": text}), flush=True)
"""


class Launcher:
    """Starts the measured commands from a small process of its own.

    A child's ``ru_maxrss`` starts from the peak resident size of the process that
    spawned it: Linux carries the spawning memory's high-water mark across fork (or
    vfork) and exec. Spawned from this bench, which holds a 50,000-entry KeePass XML
    while it builds the databases, every command would report at least ~190 MiB (the
    figures before 2026-11-21 10:30 did). The launcher is started first, while this
    process is small, and stays ~10 MiB: that is the floor of any figure it reports.
    """

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, cmd: list[str], stdin: str, env: dict[str, str]) -> Run:
        """Run ``cmd`` there, feeding ``stdin``: its wall time and peak RSS (``wait4``)."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps({"cmd": cmd, "stdin": stdin, "env": env}) + "\n")
        self._proc.stdin.flush()
        got = json.loads(self._proc.stdout.readline())
        return _as_run(cmd, got["seconds"], got["maxrss_kib"], got["code"], got["stderr"])

    def close(self) -> None:
        """Stop the launcher."""
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()


# --- the data -------------------------------------------------------------------------


def _b64uuid(n: int) -> str:
    return base64.b64encode(uuid.UUID(int=n).bytes).decode()


def _platform_url(platform: str) -> str:
    return {
        "instagram": "https://www.instagram.com/",
        "facebook_page": "https://www.facebook.com/",
        "x": "https://x.com/",
        "tiktok": "https://www.tiktok.com/",
        "youtube": "https://www.youtube.com/",
        "email": "https://mail.google.com/",
    }.get(platform, "https://contoh.invalid/")


def keepass_xml(n: int) -> tuple[str, list[str]]:
    """The KeePass XML of the same N accounts Brankas gets, one group per kecamatan.

    Returns:
        (xml text, entry paths in account order) — the paths are what ``show`` takes.
    """
    from bench.synthetic import synthetic_accounts

    kec_ids = list(range(1, KECAMATAN + 1))
    accounts, secrets = synthetic_accounts(n, kec_ids, 1)
    groups: dict[int, list[str]] = {k: [] for k in kec_ids}
    paths: list[str] = []
    for i, (acc, sec) in enumerate(zip(accounts, secrets, strict=True)):
        fields = [
            ("Title", acc.handle),
            ("UserName", acc.handle),
            ("Password", sec.password.reveal() if sec.password else ""),
            ("URL", _platform_url(acc.platform.value) + acc.handle),
            ("Notes", sec.notes.reveal() if sec.notes else ""),
            ("Email pemulihan", acc.recovery_email or ""),
            ("Nama tampilan", acc.display_name or ""),
        ]
        if sec.totp_secret is not None:
            fields.append(("otp", f"otpauth://totp/x?secret={sec.totp_secret.reveal()}"))
        if sec.backup_codes is not None:
            fields.append(("Kode cadangan", sec.backup_codes.reveal()))
        strings = "".join(
            f"<String><Key>{escape(k)}</Key>"
            + (
                f'<Value ProtectInMemory="True">{escape(v)}</Value>'
                if k in ("Password", "otp", "Kode cadangan")
                else f"<Value>{escape(v)}</Value>"
            )
            + "</String>"
            for k, v in fields
        )
        groups[acc.kecamatan_id].append(
            f"<Entry><UUID>{_b64uuid(10_000_000 + i)}</UUID>{strings}</Entry>"
        )
        paths.append(f"/Kecamatan Contoh {acc.kecamatan_id:03d}/{acc.handle}")
    body = "".join(
        f"<Group><UUID>{_b64uuid(k)}</UUID><Name>Kecamatan Contoh {k:03d}</Name>"
        + "".join(entries)
        + "</Group>"
        for k, entries in groups.items()
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<KeePassFile><Meta><Generator>brankas-bench</Generator>"
        "<DatabaseName>Bench</DatabaseName></Meta><Root>"
        f"<Group><UUID>{_b64uuid(999_999)}</UUID><Name>Root</Name>{body}</Group>"
        "</Root></KeePassFile>\n"
    )
    return xml, paths


def make_kdbx(folder: Path, n: int) -> tuple[Path, list[str]]:
    """A KeePassXC database of N entries via ``keepassxc-cli import`` (its default KDF)."""
    xml, paths = keepass_xml(n)
    src, db = folder / f"kx-{n}.xml", folder / f"kx-{n}.kdbx"
    src.write_text(xml, encoding="utf-8")
    run_child(["keepassxc-cli", "import", "-q", "-p", str(src), str(db)], f"{KEK_PASSWORD}\n" * 2)
    src.unlink()
    return db, paths


def make_vault(folder: Path, n: int, kdf: dict[str, int]) -> Path:
    """A Brankas vault of N accounts (bulk insert, as ``bench.worker`` does), in a child."""
    target = folder / f"vault-{n}"
    code = (
        "import json,sys\n"
        "from pathlib import Path\n"
        "from bench.synthetic import add_synthetic_places, synthetic_accounts\n"
        "from brankas.core.crypto.kdf import KdfParams, new_salt\n"
        "from brankas.core.domain.enums import OfficeKind\n"
        "from brankas.core.secret import Secret\n"
        "from brankas.core.storage.repos.account import add_accounts\n"
        "from brankas.core.vault.vault import Vault\n"
        "a = json.loads(sys.argv[1])\n"
        "k = a['kdf']\n"
        "v, _ = Vault.create(Path(a['folder']), office_kind=OfficeKind.REGENCY,\n"
        "    office_name='Bawaslu Kabupaten Contoh', admin_name=a['admin'],\n"
        "    admin_password=Secret(a['password']),\n"
        "    kdf=KdfParams(k['memory_kib'], k['time_cost'], k['parallelism'], new_salt()))\n"
        "kec, term = add_synthetic_places(v.conn, a['kec'])\n"
        "accs, secs = synthetic_accounts(a['n'], kec, term)\n"
        "add_accounts(v.conn, accs, secs)\n"
        "v.close(backup=False)\n"
    )
    args = {"folder": str(target), "admin": ADMIN, "password": PASSWORD, "kdf": kdf}
    args |= {"kec": KECAMATAN, "n": n}
    subprocess.run([sys.executable, "-c", code, json.dumps(args)], cwd=ROOT, check=True)
    return target


def brankas_kdf_seconds(kdf: dict[str, int], repeats: int) -> list[float]:
    """Argon2id of the vault's parameters, timed in a child (the KDF alone)."""
    code = (
        "import json,sys,time\n"
        "from brankas.core.crypto.kdf import KdfParams, derive_key, new_salt\n"
        "from brankas.core.secret import Secret\n"
        "k = json.loads(sys.argv[1]); out = []\n"
        "p = KdfParams(k['memory_kib'], k['time_cost'], k['parallelism'], new_salt())\n"
        "for _ in range(k['repeats']):\n"
        "    t = time.perf_counter(); derive_key(Secret('x'), p); out.append(time.perf_counter() - t)\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(kdf | {"repeats": repeats})],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    result: list[float] = json.loads(proc.stdout)
    return result


# --- the commands -----------------------------------------------------------------------


def _brankas_cli() -> str:
    exe = Path(sys.executable).with_name("brankas-cli")
    return str(exe) if exe.exists() else shutil.which("brankas-cli") or "brankas-cli"


def commands(kdbx: Path, paths: list[str], vault: Path, n: int) -> dict[str, tuple[list[str], ...]]:
    """op -> (KeePassXC command, Brankas command) for a vault of n accounts."""
    pick = n // 2 + 7  # one entry in the middle; its six-digit number is the search term
    term = f"{pick:06d}"
    cli = [_brankas_cli(), "--stats"]
    common = ["--vault", str(vault), "-u", ADMIN, "--password-stdin"]
    return {
        "search": (
            ["keepassxc-cli", "search", "-q", str(kdbx), term],
            [*cli, "accounts", "search", *common, term],
        ),
        "show": (
            ["keepassxc-cli", "show", "-q", "-s", str(kdbx), paths[pick]],
            [*cli, "accounts", "show", *common, "--reveal", "--reason", "bench", str(pick + 1)],
        ),
        "list": (
            ["keepassxc-cli", "ls", "-q", "-R", "-f", str(kdbx)],
            [*cli, "accounts", "list", *common],
        ),
    }


def measure(
    cmds: dict[str, tuple[list[str], ...]], repeats: int, env: dict[str, str], launcher: Launcher
) -> dict[str, dict[str, list[Run]]]:
    """Alternate KeePassXC and Brankas run by run; one warm-up of each first."""
    out: dict[str, dict[str, list[Run]]] = {}
    for op, (kx, br) in cmds.items():
        launcher.run(kx, KEK_PASSWORD + "\n", env)
        launcher.run(br, PASSWORD + "\n", env)
        runs: dict[str, list[Run]] = {"keepassxc": [], "brankas": []}
        for i in range(repeats):
            order = [("keepassxc", kx, KEK_PASSWORD), ("brankas", br, PASSWORD)]
            for tool, cmd, pw in order if i % 2 == 0 else order[::-1]:
                runs[tool].append(launcher.run(cmd, pw + "\n", env))
        out[op] = runs
    return out


@dataclass(frozen=True, slots=True)
class Row:
    """One operation at one size: medians per tool, KDF-excluded, ratio, verdicts."""

    op: str
    entries: int
    kx_s: float
    br_s: float
    kx_ex_s: float
    br_ex_s: float
    ratio: float  # Brankas / KeePassXC on KDF-excluded
    kx_rss: float
    br_rss: float
    br_rss_ex: float  # Brankas's peak after its KDF (KeePassXC's ex-KDF peak = its total)
    speed_target: float | None
    speed_ok: bool | None
    memory_ok: bool | None  # None: no target at this size (judged KDF-excluded)


def summarise(
    n: int, runs: dict[str, dict[str, list[Run]]], kx_kdf: float, br_kdf: float
) -> list[Row]:
    rows = []
    for op, by in runs.items():
        kx = statistics.median(r.seconds for r in by["keepassxc"])
        br = statistics.median(r.seconds for r in by["brankas"])
        kx_ex = max(kx - kx_kdf, 1e-4)
        # Each Brankas run less its own KDF (--stats); the reference KDF when absent.
        br_ex = max(
            statistics.median(
                r.seconds - (r.kdf_s if r.kdf_s is not None else br_kdf) for r in by["brankas"]
            ),
            1e-4,
        )
        kx_rss = max(r.rss_mib for r in by["keepassxc"])
        br_rss = max(r.rss_mib for r in by["brankas"])
        br_rss_ex = max(
            r.rss_ex_kdf_mib if r.rss_ex_kdf_mib is not None else r.rss_mib for r in by["brankas"]
        )
        target = SPEED_TARGETS.get(n)
        ratio = br_ex / kx_ex
        rows.append(
            Row(
                op, n, kx, br, kx_ex, br_ex, ratio, kx_rss, br_rss, br_rss_ex, target,
                None if target is None else ratio <= 1 / target,
                None if target is None else br_rss_ex <= kx_rss / 2,
            )
        )  # fmt: skip
    return rows


def _ms(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def table(rows: list[Row]) -> str:
    """Plain-text table of the comparison."""
    head = ("operation", "entries", "KeePassXC", "Brankas", "KXC ex-KDF", "Brankas ex-KDF")
    head += ("B/K", "target", "speed", "KXC RSS", "Brankas RSS", "Brankas RSS ex-KDF", "memory")
    cells = [
        (
            r.op, f"{r.entries:,}", _ms(r.kx_s), _ms(r.br_s), _ms(r.kx_ex_s), _ms(r.br_ex_s),
            f"{r.ratio:.2f}", "—" if r.speed_target is None else f"≤ {1 / r.speed_target:.2f}",
            "info" if r.speed_ok is None else "pass" if r.speed_ok else "FAIL",
            f"{r.kx_rss:.0f} MiB", f"{r.br_rss:.0f} MiB", f"{r.br_rss_ex:.0f} MiB",
            "info" if r.memory_ok is None else "pass" if r.memory_ok else "FAIL",
        )
        for r in rows
    ]  # fmt: skip
    widths = [max(len(c) for c in col) for col in zip(head, *cells, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in [head, tuple("-" * w for w in widths), *cells]]  # fmt: skip
    return "\n".join(lines)


def plot(rows: list[Row], path: Path) -> None:
    """Cost (KDF-excluded seconds) against entries for both tools, one panel per
    operation, drawn with QPainter offscreen (matplotlib is not a dependency)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    _app = QGuiApplication.instance() or QGuiApplication([])
    w, h, pad = 1200, 420, 60
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(QFont("DejaVu Sans", 9))
    colours = {"keepassxc": QColor("#2e7d32"), "brankas": QColor("#1565c0")}
    panel_w = (w - pad) / len(OPS)
    for k, op in enumerate(OPS):
        pts = sorted((r for r in rows if r.op == op), key=lambda r: r.entries)
        if not pts:
            continue
        x0, y0 = pad + k * panel_w, 40.0
        pw, ph = panel_w - pad, h - 40 - pad
        xmax = max(r.entries for r in pts)
        ymax = max(max(r.kx_ex_s, r.br_ex_s) for r in pts) * 1.1
        p.setPen(QPen(QColor("black"), 1))
        p.drawRect(QRectF(x0, y0, pw, ph))
        p.drawText(QRectF(x0, 10, pw, 24), Qt.AlignmentFlag.AlignCenter,
                   f"open + {op} (KDF excluded)")  # fmt: skip
        for frac in (0.0, 0.5, 1.0):
            yv = ymax * frac
            p.drawText(QPointF(x0 - 55, y0 + ph - frac * ph + 4), _ms(yv))
            xv = int(xmax * frac)
            p.drawText(QPointF(x0 + frac * pw - 20, y0 + ph + 18), f"{xv:,}")
        p.drawText(QPointF(x0 + pw / 2 - 20, y0 + ph + 36), "entries")
        for tool in ("keepassxc", "brankas"):
            p.setPen(QPen(colours[tool], 2.5))
            prev: QPointF | None = None
            for r in pts:
                v = r.kx_ex_s if tool == "keepassxc" else r.br_ex_s
                pt = QPointF(x0 + r.entries / xmax * pw, y0 + ph - v / ymax * ph)
                if prev is not None:
                    p.drawLine(prev, pt)
                p.drawEllipse(pt, 3, 3)
                prev = pt
        for j, tool in enumerate(("keepassxc", "brankas")):
            p.setPen(QPen(colours[tool], 3))
            p.drawLine(QPointF(x0 + 10, y0 + 15 + j * 16), QPointF(x0 + 30, y0 + 15 + j * 16))
            p.setPen(QPen(QColor("black"), 1))
            p.drawText(QPointF(x0 + 36, y0 + 19 + j * 16), "KeePassXC" if j == 0 else "Brankas")
    p.end()
    img.save(str(path))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.keepassxc_compare", description=__doc__)
    p.add_argument("--sizes", default="10000,50000", help="entries, comma-separated")
    p.add_argument("--repeats", type=int, default=5, help="runs per tool and operation")
    p.add_argument("--workdir", type=Path, default=None, help="parent of the scratch folder")
    p.add_argument(
        "--keep",
        action="store_true",
        help="keep the scratch folder (both databases of every size) and print its path",
    )
    p.add_argument("--no-json", action="store_true")
    ns = p.parse_args(argv)
    ns.sizes = [int(s.replace("_", "")) for s in ns.sizes.split(",") if s]
    return ns


# Brankas's KDF: the production floor (64 MiB, 3 passes), the cheapest setting the CLI
# accepts; KDF-excluded figures do not depend on it.
BRANKAS_KDF = {"memory_kib": 65536, "time_cost": 3, "parallelism": 4}


def main(argv: list[str] | None = None) -> int:
    ns = parse_args(argv)
    if shutil.which("keepassxc-cli") is None:
        print("keepassxc-cli is not installed (tools/bootstrap.sh test installs it)")
        return 2
    launcher = Launcher()  # first, while this process is small (see Launcher)
    work = Path(tempfile.mkdtemp(prefix="brankas-kx-", dir=ns.workdir))
    env = dict(os.environ, HOME=str(work / "home"), XDG_CONFIG_HOME=str(work / "cfg"),
               XDG_DATA_HOME=str(work / "data"), XDG_CACHE_HOME=str(work / "cache"),
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    # An installed Brankas runs from compiled bytecode; a PYTHONDONTWRITEBYTECODE left in
    # the environment would make every brankas-cli run recompile ~125 modules (~0.15-0.4 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = datetime.now(UTC)
    rows: list[Row] = []
    every_run: dict[str, Any] = {}  # size -> op -> tool -> runs, for the JSON
    try:
        _say("KDF references on one-entry databases")
        kx1, _ = make_kdbx(work, 1)
        version = [launcher.run(["keepassxc-cli", "--version"], "", env) for _ in range(ns.repeats)]
        one = [
            launcher.run(["keepassxc-cli", "ls", "-q", str(kx1)], KEK_PASSWORD + "\n", env)
            for _ in range(ns.repeats)
        ]
        kx_kdf = max(
            statistics.median(r.seconds for r in one)
            - statistics.median(r.seconds for r in version),
            0.0,
        )
        br_kdf_samples = brankas_kdf_seconds(BRANKAS_KDF, ns.repeats)
        br_kdf = statistics.median(br_kdf_samples)
        _say(
            f"KDF: KeePassXC {_ms(kx_kdf)} (AES-KDF of keepassxc-cli import), Brankas {_ms(br_kdf)}"
        )
        for n in ns.sizes:
            _say(f"{n:,} entries: building both")
            kdbx, paths = make_kdbx(work, n)
            vault = make_vault(work, n, BRANKAS_KDF)
            _say(f"{n:,} entries: measuring")
            runs = measure(commands(kdbx, paths, vault, n), ns.repeats, env, launcher)
            rows.extend(summarise(n, runs, kx_kdf, br_kdf))
            every_run[str(n)] = {
                op: {tool: [asdict(r) for r in rs] for tool, rs in by.items()}
                for op, by in runs.items()
            }
    finally:
        launcher.close()
        if ns.keep:
            _say(f"kept {work} (vault-N: Brankas, user {ADMIN!r}; kx-N.kdbx: KeePassXC)")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"KDF: KeePassXC {_ms(kx_kdf)}, Brankas {_ms(br_kdf)} (Argon2id {BRANKAS_KDF})")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(table(rows))
    RESULTS.mkdir(exist_ok=True)
    png = RESULTS / f"keepassxc-{started:%Y%m%dT%H%M%SZ}.png"
    plot(rows, png)
    if not ns.no_json:
        doc = {
            "started_at": started.isoformat(timespec="seconds"),
            "keepassxc": subprocess.run(
                ["keepassxc-cli", "--version"], capture_output=True, text=True, check=False
            ).stdout.strip(),
            "kdf_s": {"keepassxc": kx_kdf, "brankas": br_kdf, "brankas_params": BRANKAS_KDF},
            "repeats": ns.repeats,
            "rows": [asdict(r) for r in rows],
            "runs": every_run,
            "load_average": list(os.getloadavg()),
        }
        out = png.with_suffix(".json")
        out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"results: {out.relative_to(ROOT)} and {png.name}")
    missed = [r for r in rows if r.speed_ok is False or r.memory_ok is False]
    print(f"{len(missed)} of {len(rows)} rows miss a target")
    return 1 if missed else 0


def rows_from_json(doc: dict[str, Any]) -> list[Row]:
    """Rows back from a results file (files before the KDF-excluded memory column
    count Brankas's total there)."""
    return [Row(**({"br_rss_ex": r["br_rss"]} | r)) for r in doc["rows"]]


if __name__ == "__main__":
    sys.exit(main())
