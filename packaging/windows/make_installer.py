"""Compile the Windows installer (packaging/windows/daloy.iss) from a PyInstaller build folder.

    python packaging/windows/make_installer.py [--dist dist/daloy] [--output dist]
                                                [--version 0.1.0] [--fast]

On Windows it runs Inno Setup's ``iscc`` (on PATH, in ``$ISCC``, or the usual install folder);
on Linux it runs the npm registry's Inno Setup (``npm install innosetup``, which
``packaging/dev.sh test`` puts in ``.tools/``) under wine, against the Linux build folder: the
installer made there is never run, it proves the script compiles. ``--fast`` compresses
quickly (tests); the defaults are the real build's. What is missing is said in a sentence.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "daloy.iss"
TOOLS = ROOT / ".tools"
# Where `npm install innosetup` run in .tools puts the compiler (dev.sh does this when root).
NPM_ISCC = TOOLS / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
FAST_COMPRESSION = "zip/1"


class ToolMissing(RuntimeError):
    """Inno Setup (or wine, on Linux) is not installed: the message says how to get it."""


class CompileFailed(RuntimeError):
    """ISCC refused the script or the build folder: the message holds ISCC's own error."""


def windows_path(path: Path) -> str:
    """The path as a Windows program sees it: under wine, the Linux root is drive Z:."""
    if sys.platform == "win32":
        return str(path.resolve())
    return "Z:" + str(path.resolve()).replace("/", "\\")


def _windows_iscc() -> list[str]:
    candidates = [os.environ.get("ISCC"), shutil.which("iscc")]
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return [candidate]
    raise ToolMissing(
        "Inno Setup is not installed, so the installer cannot be compiled. Install Inno "
        "Setup 6 (https://jrsoftware.org or `choco install innosetup`), or set ISCC to the "
        "path of ISCC.exe, then run this again."
    )


def _wine_iscc() -> list[str]:
    wine = shutil.which("wine")
    iscc = Path(os.environ.get("ISCC") or NPM_ISCC)
    missing = []
    if wine is None:
        missing.append(
            "wine (Debian: dpkg --add-architecture i386, then apt-get install wine wine32)"
        )
    if not iscc.is_file():
        missing.append(f"Inno Setup's ISCC.exe at {iscc} (npm install innosetup in {TOOLS})")
    if missing:
        raise ToolMissing(
            "The Windows installer cannot be compiled on this computer: "
            + "; ".join(missing)
            + " is missing. `bash packaging/dev.sh test` as root installs both."
        )
    return [wine, str(iscc)]


def compiler() -> list[str]:
    """The command that runs ISCC here, or ToolMissing saying what to install."""
    return _windows_iscc() if sys.platform == "win32" else _wine_iscc()


def _wine_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("WINEDEBUG", "-all")  # wine's own chatter is not the compiler's output
    # A prefix of the project's own (made on first use, ~20 s), never the user's ~/.wine.
    env.setdefault("WINEPREFIX", str(TOOLS / "wine"))
    env.setdefault("WINEDLLOVERRIDES", "mscoree,mshtml=")  # no Mono/Gecko install prompts
    return env


def _ready_prefix(wine: str, env: dict[str, str]) -> None:
    """Create the wine prefix once, under a lock: two compiles at once (the test suite's
    workers) must not both build it."""
    prefix = Path(env["WINEPREFIX"])
    if (prefix / "system.reg").exists():
        return
    import fcntl  # Linux only, like wine here

    prefix.parent.mkdir(parents=True, exist_ok=True)
    with open(prefix.parent / f"{prefix.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (prefix / "system.reg").exists():
            subprocess.run(
                [wine, "wineboot", "--init"], env=env, capture_output=True, timeout=600, check=False
            )


def app_exe(dist: Path) -> str:
    """daloy.exe in a Windows build; the Linux build's ``daloy`` when the script is only being
    checked against it."""
    linux_build = not (dist / "daloy.exe").exists() and (dist / "daloy").is_file()
    return "daloy" if linux_build else "daloy.exe"


def compile_installer(
    dist: Path, output: Path, version: str, *, fast: bool = False, timeout: float = 1800
) -> Path:
    """Compile the installer of the build in ``dist`` into ``output``; returns the .exe."""
    command = compiler()
    dist, output = Path(dist), Path(output)
    if not dist.is_dir():
        raise CompileFailed(
            f"There is no build folder at {dist}: build the app first (python packaging/build.py)."
        )
    output.mkdir(parents=True, exist_ok=True)
    defines = {
        "AppVersion": version,
        "DistDir": windows_path(dist),
        "OutputDir": windows_path(output),
        "AppExe": app_exe(dist),
    }
    if fast:
        defines["Compression"] = FAST_COMPRESSION
    args = [*command, "/Q", *(f"/D{k}={v}" for k, v in defines.items()), windows_path(SCRIPT)]
    env = None if sys.platform == "win32" else _wine_env()
    if env is not None:
        _ready_prefix(command[0], env)
    p = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout)
    exe = output / f"DaloySetup-{version}.exe"
    if p.returncode != 0 or not exe.is_file():
        said = (p.stdout + p.stderr).strip() or f"exit status {p.returncode}"
        raise CompileFailed(f"Inno Setup could not compile {SCRIPT.name}: {said}")
    return exe


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from app import __version__

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", default=str(ROOT / "dist" / "daloy"), help="the one-folder build")
    ap.add_argument("--output", default=str(ROOT / "dist"), help="where the installer goes")
    ap.add_argument("--version", default=__version__)
    ap.add_argument("--fast", action="store_true", help="quick compression (for checks)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    try:
        exe = compile_installer(Path(args.dist), Path(args.output), args.version, fast=args.fast)
    except (ToolMissing, CompileFailed) as exc:
        print(f"make_installer: {exc}", file=sys.stderr)
        return 1
    size = exe.stat().st_size / 1e6
    print(f"installer: {exe} ({size:.1f} MB, compiled in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
