"""``python -m brankas.cli``."""

import sys

from brankas.cli import main

sys.exit(main())
