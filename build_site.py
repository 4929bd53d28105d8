#!/usr/bin/env python3
"""Casebook's one entry point: `python build_site.py [build|validate|schema|serve] ...`.

All logic lives in the `casebook` package; this file only hands over the command line.
"""

import sys
from pathlib import Path

from casebook.cli import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent))
