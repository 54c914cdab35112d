"""Qt item models over core data (every list is a model)."""
