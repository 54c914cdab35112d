"""The vault facade: create, unlock, lock, operators, backups, epoch."""
