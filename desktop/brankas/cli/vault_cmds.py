"""Vault commands: init, operators, passwd, recover, backup, audit verify, check."""

from __future__ import annotations

import argparse
import json
import sys

from brankas.cli.common import CliError, Prompter, open_vault, vault_path
from brankas.core.crypto.kdf import PRODUCTION_POLICY, KdfParams, calibrate, new_salt
from brankas.core.domain.enums import OfficeKind, Role
from brankas.core.vault import backups, operators
from brankas.core.vault.restore import restore_backup, restore_into
from brankas.core.vault.vault import Vault


def cmd_init(args: argparse.Namespace) -> int:
    """brankas-cli init."""
    pr = Prompter(args.password_stdin)
    password = pr.password(f"New password for {args.admin}: ", confirm=True)
    if args.kdf_memory_mib or args.kdf_time:
        base = calibrate(PRODUCTION_POLICY, max_time_cost=3)
        kdf = KdfParams(
            (args.kdf_memory_mib * 1024) if args.kdf_memory_mib else base.memory_kib,
            args.kdf_time or base.time_cost,
            base.parallelism,
            new_salt(),
        )
        PRODUCTION_POLICY.check(kdf)
    else:
        print("Measuring this PC to choose the password protection strength...", file=sys.stderr)
        kdf = None
    vault, kit = Vault.create(
        vault_path(args),
        office_kind=OfficeKind(args.kind),
        office_name=args.office,
        admin_name=args.admin,
        admin_password=password,
        kdf=kdf,
    )
    password.wipe()
    vault.close()
    print(f"Vault created in {vault_path(args)}")
    print("RECOVERY KEY (print it or write it down; keep it in the office safe; shown only once):")
    print(kit)
    return 0


def cmd_operators_list(args: argparse.Namespace) -> int:
    """brankas-cli operators list."""
    with open_vault(args) as v:
        ops = operators.list_operators(v)
    if args.json:
        print(
            json.dumps(
                [
                    {"id": o.id, "name": o.name, "role": o.role.value, "created_at": o.created_at}
                    for o in ops
                ]
            )
        )
    else:
        for o in ops:
            print(f"{o.name}\t{o.role.value}\t{o.created_at[:10]}")
    return 0


def cmd_operators_add(args: argparse.Namespace) -> int:
    """brankas-cli operators add NAME."""
    pr = Prompter(args.password_stdin)
    with open_vault(args, pr) as v:
        new = pr.password(f"New password for {args.name}: ", confirm=True)
        operators.add_operator(v, args.name, new, Role(args.role))
        new.wipe()
    print(f"Operator {args.name} added.")
    return 0


def cmd_operators_remove(args: argparse.Namespace) -> int:
    """brankas-cli operators remove NAME."""
    with open_vault(args) as v:
        match = [
            o for o in operators.list_operators(v) if o.name.casefold() == args.name.casefold()
        ]
        if not match:
            raise CliError(f"no operator called {args.name!r}", 5)
        tasks = operators.remove_operator(
            v,
            match[0].id,
            progress=lambda label, i, n: print(f"[{i}/{n}] {label}", file=sys.stderr),
        )
    print(f"Operator {args.name} removed; the vault key was rotated.")
    if tasks:
        print(f"Change these {len(tasks)} account passwords ({args.name} could see them):")
        for t in tasks:
            print(f"  {'*' if t.seen else ' '} {t.platform}\t{t.handle}")
        print("  (* = revealed or copied by them, per the audit log)")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    """brankas-cli passwd."""
    pr = Prompter(args.password_stdin)
    user = args.user or pr.text("Operator: ")
    old = pr.password(f"Current password for {user}: ")
    vault = Vault.unlock(vault_path(args), user, old, policy=PRODUCTION_POLICY)
    with vault as v:
        new = pr.password("New password: ", confirm=True)
        operators.change_password(v, old, new)
        new.wipe()
    old.wipe()
    print("Password changed.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """brankas-cli recover --admin NAME."""
    pr = Prompter(args.password_stdin or args.kit_stdin)
    if args.kit_stdin or args.password_stdin:
        kit = pr.password("Recovery key: ").reveal()
    else:
        kit = pr.text("Recovery key (48 digits): ")
    with Vault.unlock_with_recovery(vault_path(args), kit) as v:
        match = [
            o for o in operators.list_operators(v) if o.name.casefold() == args.admin.casefold()
        ]
        if not match:
            raise CliError(f"no operator called {args.admin!r}", 5)
        new = pr.password(f"New password for {args.admin}: ", confirm=True)
        new_kit = operators.reset_password_after_recovery(v, match[0].id, new)
        new.wipe()
    print("Password reset. The old recovery kit no longer works. NEW RECOVERY KEY:")
    print(new_kit)
    return 0


def cmd_backup_list(args: argparse.Namespace) -> int:
    """brankas-cli backup list."""
    items = backups.list_backups(vault_path(args))
    if args.json:
        print(
            json.dumps(
                [
                    {"name": b.name, "created_at": b.created_at, "reason": b.reason, "size": b.size}
                    for b in items
                ]
            )
        )
    else:
        for b in items:
            print(f"{b.name}\t{b.reason}\t{b.size} bytes")
    return 0


def cmd_backup_create(args: argparse.Namespace) -> int:
    """brankas-cli backup create."""
    with open_vault(args) as v:
        info = v.backup("manual")
    print(info.name)
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    """brankas-cli backup restore NAME."""
    pr = Prompter(args.password_stdin)
    if args.disaster:
        user = args.user or pr.text("Operator: ")
        password = pr.password(f"Password for {user} (valid when the backup was made): ")
        vault = restore_backup(vault_path(args), args.name, user, password)
        password.wipe()
        with vault as v:
            names = [o.name for o in operators.list_operators(v)]
        print(
            f"Restored {args.name} with its own key file; the previous state was kept as a backup."
        )
        print("Operators who can open the vault now: " + ", ".join(names))
        print("Remove anyone who has left since the backup was made.")
        return 0
    with open_vault(args, pr) as v:
        assert v.operator is not None
        old = pr.password(f"Password for {v.operator.name} when the backup was made: ")
        restore_into(v, args.name, v.operator.name, old)
        old.wipe()
    print(f"Restored {args.name}; the previous state was kept as a backup.")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """brankas-cli audit verify."""
    with open_vault(args) as v:
        status = v.audit.verify()
    if status.ok:
        print(f"Audit chain OK: {status.count} events, head {status.head.hex()[:16]}")
        return 0
    print(f"Audit chain BROKEN at event {status.first_broken_seq}: {status.reason}")
    return 1


def cmd_audit_list(args: argparse.Namespace) -> int:
    """brankas-cli audit list."""
    with open_vault(args) as v:
        events = list(v.audit.events())[-args.limit :]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "seq": e.seq,
                        "at": e.at,
                        "operator": e.operator_id,
                        "kind": e.kind,
                        "target": e.target,
                        "detail": dict(e.detail),
                    }
                    for e in events
                ]
            )
        )
    else:
        for e in events:
            print(f"{e.seq}\t{e.at[:19]}\t{e.kind}\t{e.target}\t{e.operator_id or '-'}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """brankas-cli check."""
    with open_vault(args) as v:
        r = v.check()
    result = {
        "ok": r.ok,
        "database_integrity": "ok" if not r.integrity_errors else r.integrity_errors[:20],
        "audit_chain": "ok"
        if r.audit.ok
        else f"broken at event {r.audit.first_broken_seq}: {r.audit.reason}",
        "audit_events": r.audit.count,
        "key_table": "ok" if r.key_table_ok else "a copy is missing or damaged",
        "epoch": {"database": r.epoch_db, "key_table": r.epoch_keys},
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, val in result.items():
            print(f"{k}: {val}")
    return 0 if r.ok else 1
