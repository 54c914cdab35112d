"""The key table (vault.keys): key slots that each seal the vault key."""
