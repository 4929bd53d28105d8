"""`python -m casebook ...` works like `python build_site.py ...` from the repository root."""

import sys

from casebook.cli import main

sys.exit(main())
