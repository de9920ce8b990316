"""The bundled application's entry point: the same `workbench` command as a source install."""

import sys

from workbench.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
