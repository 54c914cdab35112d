"""Cryptography: Argon2id, X25519 sealing, AES-GCM wrapping, HKDF, recovery kit."""
