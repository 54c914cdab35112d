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
its bare process start-up (``--version``); Brankas's is the Argon2id of its vault's own
parameters timed in a child. Ratio = Brankas / KeePassXC on the KDF-excluded medians.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
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
    """One whole-process run: wall seconds and peak RSS (MiB) of the child."""

    seconds: float
    rss_mib: float


def run_child(cmd: list[str], stdin: str, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` feeding ``stdin``; time it and read its own peak RSS via ``wait4``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env)
        assert proc.stdin is not None
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}): {err.read()[-2000:]!r}")
    return Run(seconds, usage.ru_maxrss / 1024)


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
    cli = [_brankas_cli()]
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
    cmds: dict[str, tuple[list[str], ...]], repeats: int, env: dict[str, str]
) -> dict[str, dict[str, list[Run]]]:
    """Alternate KeePassXC and Brankas run by run; one warm-up of each first."""
    out: dict[str, dict[str, list[Run]]] = {}
    for op, (kx, br) in cmds.items():
        run_child(kx, KEK_PASSWORD + "\n", env)
        run_child(br, PASSWORD + "\n", env)
        runs: dict[str, list[Run]] = {"keepassxc": [], "brankas": []}
        for i in range(repeats):
            order = [("keepassxc", kx, KEK_PASSWORD), ("brankas", br, PASSWORD)]
            for tool, cmd, pw in order if i % 2 == 0 else order[::-1]:
                runs[tool].append(run_child(cmd, pw + "\n", env))
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
    speed_target: float | None
    speed_ok: bool | None
    memory_ok: bool


def summarise(
    n: int, runs: dict[str, dict[str, list[Run]]], kx_kdf: float, br_kdf: float
) -> list[Row]:
    rows = []
    for op, by in runs.items():
        kx = statistics.median(r.seconds for r in by["keepassxc"])
        br = statistics.median(r.seconds for r in by["brankas"])
        kx_ex, br_ex = max(kx - kx_kdf, 1e-4), max(br - br_kdf, 1e-4)
        kx_rss = max(r.rss_mib for r in by["keepassxc"])
        br_rss = max(r.rss_mib for r in by["brankas"])
        target = SPEED_TARGETS.get(n)
        ratio = br_ex / kx_ex
        rows.append(
            Row(
                op, n, kx, br, kx_ex, br_ex, ratio, kx_rss, br_rss, target,
                None if target is None else ratio <= 1 / target,
                br_rss <= kx_rss / 2,
            )
        )  # fmt: skip
    return rows


def _ms(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def table(rows: list[Row]) -> str:
    """Plain-text table of the comparison."""
    head = ("operation", "entries", "KeePassXC", "Brankas", "KXC ex-KDF", "Brankas ex-KDF")
    head += ("B/K", "target", "speed", "KXC RSS", "Brankas RSS", "memory")
    cells = [
        (
            r.op, f"{r.entries:,}", _ms(r.kx_s), _ms(r.br_s), _ms(r.kx_ex_s), _ms(r.br_ex_s),
            f"{r.ratio:.2f}", "—" if r.speed_target is None else f"≤ {1 / r.speed_target:.2f}",
            "info" if r.speed_ok is None else "pass" if r.speed_ok else "FAIL",
            f"{r.kx_rss:.0f} MiB", f"{r.br_rss:.0f} MiB", "pass" if r.memory_ok else "FAIL",
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
    p.add_argument("--workdir", type=Path, default=None)
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
    work = Path(tempfile.mkdtemp(prefix="brankas-kx-", dir=ns.workdir))
    env = dict(os.environ, HOME=str(work / "home"), XDG_CONFIG_HOME=str(work / "cfg"),
               XDG_DATA_HOME=str(work / "data"), XDG_CACHE_HOME=str(work / "cache"),
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    # An installed Brankas runs from compiled bytecode; a PYTHONDONTWRITEBYTECODE left in
    # the environment would make every brankas-cli run recompile ~125 modules (~0.15-0.4 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = datetime.now(UTC)
    rows: list[Row] = []
    try:
        _say("KDF references on one-entry databases")
        kx1, _ = make_kdbx(work, 1)
        version = [run_child(["keepassxc-cli", "--version"], "", env) for _ in range(ns.repeats)]
        one = [
            run_child(["keepassxc-cli", "ls", "-q", str(kx1)], KEK_PASSWORD + "\n", env)
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
            runs = measure(commands(kdbx, paths, vault, n), ns.repeats, env)
            rows.extend(summarise(n, runs, kx_kdf, br_kdf))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"KDF: KeePassXC {_ms(kx_kdf)}, Brankas {_ms(br_kdf)} (Argon2id {BRANKAS_KDF})")
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
            "load_average": list(os.getloadavg()),
        }
        out = png.with_suffix(".json")
        out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"results: {out.relative_to(ROOT)} and {png.name}")
    missed = [r for r in rows if r.speed_ok is False or not r.memory_ok]
    print(f"{len(missed)} of {len(rows)} rows miss a target")
    return 1 if missed else 0


def rows_from_json(doc: dict[str, Any]) -> list[Row]:
    """Rows back from a results file."""
    return [Row(**r) for r in doc["rows"]]


if __name__ == "__main__":
    sys.exit(main())
