#!/usr/bin/env python3
"""Casebook's one entry point: `python build_site.py [build|validate|schema|serve] ...`.

All logic lives in the `casebook` package; this file only hands over the command line.
"""

import sys
from pathlib import Path

if sys.version_info < (3, 11):  # noqa: UP036 - a system Python older than the project must get one clear line
    sys.exit(f"build_site.py needs Python 3.11 or newer (this is {sys.version.split()[0]})")

from casebook.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent))
