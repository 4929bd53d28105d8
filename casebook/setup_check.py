"""Is Casebook installed? Checked before anything imports a dependency.

Run on a fresh clone with the system Python, `build_site.py` would otherwise stop with a
traceback (ModuleNotFoundError, or PackageNotFoundError from the caches' version lookup)
that does not say what to do. Standard library only, by necessity.
"""

from __future__ import annotations

import importlib.util

SETUP = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"

# The module each line of requirements.txt provides (tests/test_cli.py keeps the two in step).
MODULES = {
    "PyYAML": "yaml",
    "Jinja2": "jinja2",
    "mkdocs": "mkdocs",
    "mkdocs-material": "material",
    "rapidfuzz": "rapidfuzz",
    "pydantic": "pydantic",
    "ruamel.yaml": "ruamel.yaml",
    "pagefind": "pagefind",
    "mkdocs-static-i18n": "mkdocs_static_i18n",
}


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package (ruamel) missing or half-installed
        return False


def missing_packages() -> list[str]:
    """The requirements whose module cannot be found, by their name in requirements.txt."""
    return [package for package, module in MODULES.items() if not _present(module)]


def setup_problem() -> str | None:
    """One line saying what to install, or None when everything is there."""
    missing = missing_packages()
    if not missing:
        return None
    return f"build_site.py: missing Python packages ({', '.join(missing)}); set up with: {SETUP} (then run .venv/bin/python build_site.py)"
