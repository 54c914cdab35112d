"""PyInstaller entry point of the bundled ``brankas`` program: the GUI's main()."""

import sys

from brankas.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
