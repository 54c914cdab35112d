"""Brankas core: vault, crypto, storage and domain. Imports no Qt, ever."""
