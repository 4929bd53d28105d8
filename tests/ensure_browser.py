"""Make sure Debian's Chromium is installed for the browser tests (Playwright drives it).

The Playwright browser download does not work on this project's machines, so the tests use
/usr/bin/chromium. Run as root on a fresh machine, this installs it (and a Korean font, so
screenshots show Hangul); otherwise it says what to install.
"""

import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("CASEBOOK_CHROMIUM", "/usr/bin/chromium")


def main() -> int:
    if os.path.exists(CHROMIUM):
        return 0
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        return 0 if os.path.exists(CHROMIUM) else 1
    print(
        f"The browser tests need Debian's Chromium at {CHROMIUM}: run `sudo apt-get install chromium`.", file=sys.stderr
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
