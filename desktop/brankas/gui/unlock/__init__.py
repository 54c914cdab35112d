"""The unlock window and the recovery-kit flow."""
