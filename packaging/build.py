"""Build the installed app for this OS: ``python packaging/build.py [--dist DIR]``.

One-folder PyInstaller build in dist/daloy/, then on Linux a tar.gz with a .desktop file, the
icon and an install script. Prints build time and size (and what dominates the size).

Each build has its own PyInstaller work folder (``--work``, default a new folder under build/)
and its own PyInstaller cache inside it (``PYINSTALLER_CONFIG_DIR``): PyInstaller's shared
per-user cache is rewritten by every build, so two builds at once (a developer's and the test
suite's, tests/test_frozen.py) would otherwise break each other.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest(path: Path, n: int = 6) -> list[tuple[int, str]]:
    sizes: dict[str, int] = {}
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            rel = p.relative_to(path).parts
            key = "/".join(rel[:3]) if rel[:2] == ("_internal", "PySide6") else "/".join(rel[:2])
            sizes[key] = sizes.get(key, 0) + p.stat().st_size
    return sorted(((v, k) for k, v in sizes.items()), reverse=True)[:n]


def main() -> int:
    from app import __version__

    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", default=str(ROOT / "dist"))
    ap.add_argument(
        "--work", default=None, help="PyInstaller's work folder (default: a new one under build/)"
    )
    args = ap.parse_args()
    dist = Path(args.dist)
    if args.work:
        work = Path(args.work)
    else:
        (ROOT / "build").mkdir(exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="work-", dir=ROOT / "build"))
    # This build's own cache (bootloaders, binary dependencies), never the shared one.
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "pyinstaller-cache")}
    if not (ROOT / "resources" / "icons" / "daloy.png").exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py")], check=True)
    # The translations are compiled, not committed: the .qm goes into resources/ and ships.
    subprocess.run([sys.executable, str(ROOT / "packaging" / "i18n.py"), "release"], check=True)
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "daloy.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    took = time.perf_counter() - t0
    app_dir = dist / "daloy"
    size = folder_size(app_dir)
    print(f"built {app_dir} in {took:.0f} s: {size / 1e6:.0f} MB")
    for s, name in biggest(app_dir):
        print(f"  {s / 1e6:6.1f} MB  {name}")
    if sys.platform.startswith("linux"):
        shutil.copy(ROOT / "packaging" / "linux" / "daloy.desktop", app_dir / "daloy.desktop")
        shutil.copy(ROOT / "packaging" / "linux" / "install.sh", app_dir / "install.sh")
        shutil.copy(ROOT / "resources" / "icons" / "daloy.png", app_dir / "daloy.png")
        archive = dist / f"daloy-{__version__}-linux-x86_64.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(app_dir, arcname=f"daloy-{__version__}")
        print(f"archive {archive}: {archive.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
