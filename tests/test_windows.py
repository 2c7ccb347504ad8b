"""Windows: the installer script compiles (Inno Setup; under wine on Linux), the CI workflow
that builds it is well formed, and the Windows code paths of the app — data folder, Credential
Manager, start at login, single instance, the runner's presence lock — run their logic here
with the platform faked where a real Windows is not needed (the real QSettings, platformdirs,
keyring, QLocalServer and file locks do the work)."""

from __future__ import annotations

import ntpath
import re
import sys
from pathlib import Path

import keyring
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from keyring.backends.chainer import ChainerBackend
from keyring.backends.Windows import WinVaultKeyring
from keyrings.alt.file import PlaintextKeyring

from tests.support.inno import make_installer, require_compiler

REPO = Path(__file__).resolve().parents[1]
ISS = REPO / "packaging" / "windows" / "daloy.iss"
WORKFLOW = REPO / ".github" / "workflows" / "windows.yml"
LOCAL_APPDATA = r"C:\Users\Ana Cruz\AppData\Local"

# The installer tests share wine's prefix and take turns on one xdist worker.
wine_group = pytest.mark.xdist_group("wine")


def small_build(root: Path) -> Path:
    """A one-folder app of a few files (a dummy daloy.exe): what the script needs, in seconds."""
    dist = root / "dist folder" / "daloy"  # a space on the way, as in "Program Files"
    (dist / "_internal" / "PySide6").mkdir(parents=True)
    (dist / "daloy.exe").write_bytes(b"MZ" + bytes(4094))
    (dist / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(bytes(1000))
    (dist / "_internal" / "base_library.zip").write_bytes(bytes(100))
    return dist


# --- the installer script -------------------------------------------------------------------


@wine_group
def test_installer_script_compiles_against_a_small_build(tmp_path):
    require_compiler()
    mi = make_installer()
    exe = mi.compile_installer(small_build(tmp_path), tmp_path / "out", "9.8.7", fast=True)
    assert exe == tmp_path / "out" / "DaloySetup-9.8.7.exe"
    assert exe.read_bytes()[:2] == b"MZ"  # a Windows program (PE), not an error text


@wine_group
def test_a_build_without_the_app_stops_the_compile_with_isccs_reason(tmp_path):
    require_compiler()
    mi = make_installer()
    dist = small_build(tmp_path)
    (dist / "daloy.exe").unlink()
    with pytest.raises(mi.CompileFailed) as failed:
        mi.compile_installer(dist, tmp_path / "out", "1.0", fast=True)
    said = str(failed.value)
    assert "daloy.iss" in said and "daloy.exe" in said and "does not exist" in said
    assert not (tmp_path / "out" / "DaloySetup-1.0.exe").exists()


def test_a_missing_compiler_is_named_with_how_to_get_it(tmp_path, monkeypatch):
    mi = make_installer()
    monkeypatch.setenv("PATH", str(tmp_path))  # neither wine nor iscc on it
    monkeypatch.setenv("ISCC", str(tmp_path / "nowhere" / "ISCC.exe"))
    for var in ("ProgramFiles", "ProgramFiles(x86)"):
        monkeypatch.setenv(var, str(tmp_path))
    with pytest.raises(mi.ToolMissing) as missing:
        mi.compiler()
    said = str(missing.value)
    if sys.platform == "win32":
        assert "Inno Setup is not installed" in said and "choco install innosetup" in said
    else:
        assert "wine" in said and "ISCC.exe" in said and "packaging/dev.sh test" in said


def test_make_installer_says_what_is_missing_and_exits_1(tmp_path, monkeypatch, capsys):
    mi = make_installer()
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("ISCC", str(tmp_path / "ISCC.exe"))
    assert mi.main(["--dist", str(tmp_path), "--output", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("make_installer: ")


@pytest.mark.skipif(sys.platform == "win32", reason="wine's view of Linux paths")
def test_linux_paths_are_given_to_wine_as_drive_z():
    mi = make_installer()
    assert mi.windows_path(Path("/tmp/dist folder/daloy")) == r"Z:\tmp\dist folder\daloy"


def test_the_installer_and_the_app_agree_on_the_run_key_and_the_data_folder():
    """The installer's "start at login" is the value the app's switch reads and removes, and
    the data its uninstaller offers to delete holds the app's data folder."""
    from platformdirs.windows import Windows

    from app.paths import APP
    from app.ui import autostart

    script = ISS.read_text(encoding="utf-8")
    run = re.search(r'Root: HKCU; Subkey: "([^"]+)";.*?ValueName: "([^"]+)"', script, re.S)
    assert run is not None
    assert "HKEY_CURRENT_USER\\" + run.group(1) == autostart.RUN_KEY
    assert run.group(2) == autostart.VALUE
    removed = re.search(r"ExpandConstant\('\{localappdata\}\\([^']+)'\)", script)
    assert removed is not None and removed.group(1) == APP[0]
    assert APP == ("Daloy", "Daloy") and Windows(*APP).appauthor == removed.group(1)


# --- the CI workflow ------------------------------------------------------------------------


def test_the_windows_workflow_builds_tests_and_uploads_the_installer():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = flow["jobs"]["installer"]
    assert job["runs-on"] == "windows-latest"
    steps = job["steps"]
    python = next(s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"
    runs = [s.get("run", "") for s in steps]
    order = [
        next(i for i, r in enumerate(runs) if needle in r)
        for needle in (
            'pip install -e ".[test,build]"',
            "choco install innosetup",
            "python -m pytest",
            "packaging/build.py",
            "packaging/windows/make_installer.py",
        )
    ]
    assert order == sorted(order)  # installed, Inno Setup there before the tests need it, ...
    upload = steps[-1]
    assert upload["uses"].startswith("actions/upload-artifact")
    assert upload["with"]["path"].endswith("DaloySetup-*.exe")
    # Every test file the Windows selection leaves out exists (a rename would widen it silently)
    tests = next(s for s in steps if "python -m pytest" in s.get("run", ""))
    for ignored in re.findall(r"--ignore=(\S+)", tests["run"]):
        assert (REPO / ignored).is_file(), ignored
    assert tests["env"]["DALOY_REQUIRE_INNO"] == "1"


# --- the data folder ------------------------------------------------------------------------


def test_the_data_folder_on_windows_is_in_local_appdata(monkeypatch):
    """platformdirs' Windows rules (with Windows' answer for the user's local AppData given
    through its documented override): %LOCALAPPDATA%\\Daloy\\Daloy, not the roaming profile."""
    from platformdirs.windows import Windows

    from app.paths import default_data_dir

    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", LOCAL_APPDATA)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\Ana Cruz\AppData\Roaming")
    folder = ntpath.normpath(str(default_data_dir(Windows)))
    assert folder == LOCAL_APPDATA + r"\Daloy\Daloy"


# --- Credential Manager ---------------------------------------------------------------------


def chained(monkeypatch, *backends):
    """keyring's chain of several usable backends (what Windows gets with keyrings.alt). The
    chain's list is patched for this test only: a subclass would stay in keyring's registry."""
    monkeypatch.setattr(ChainerBackend, "backends", list(backends))
    return ChainerBackend()


@pytest.mark.parametrize("in_a_chain", [False, True], ids=["alone", "chained-before-plain-file"])
def test_windows_credential_manager_is_accepted_and_named(in_a_chain, monkeypatch):
    from app import secrets

    monkeypatch.delenv("DALOY_ALLOW_INSECURE_KEYRING")
    vault = WinVaultKeyring()
    # the conftest's keyring_tmp puts its own keyring back afterwards
    keyring.set_keyring(chained(monkeypatch, vault, PlaintextKeyring()) if in_a_chain else vault)
    assert secrets.backend_name() == "keyring.backends.Windows.WinVaultKeyring"
    assert secrets.check_backend() == (True, "Passwords are kept in Windows Credential Manager.")


@pytest.mark.parametrize("in_a_chain", [False, True], ids=["alone", "chained"])
def test_the_plain_file_is_refused_even_inside_a_chain(in_a_chain, monkeypatch):
    from app import secrets

    monkeypatch.delenv("DALOY_ALLOW_INSECURE_KEYRING")
    plain = PlaintextKeyring()
    keyring.set_keyring(chained(monkeypatch, plain) if in_a_chain else plain)
    assert secrets.check_backend() == (False, secrets.PLAIN_REFUSED)
    with pytest.raises(secrets.KeyringUnavailable):
        secrets.set_secret("shop-email", "password", "s3cret", workspace="w1")


# --- start at login (the Run key) -----------------------------------------------------------


def windows_split(line: str) -> list[str]:
    """Split a command line the way Windows programs do (CommandLineToArgvW / the C runtime):
    spaces and tabs separate unless quoted; 2n backslashes before a quote are n backslashes
    and the quote toggles quoting; 2n+1 are n and a literal quote; other backslashes are
    literal."""
    args: list[str] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in " \t":
            i += 1
        if i >= n:
            return args
        arg: list[str] = []
        quoted = False
        while i < n and (quoted or line[i] not in " \t"):
            if line[i] == "\\":
                j = i
                while j < n and line[j] == "\\":
                    j += 1
                if j < n and line[j] == '"':
                    arg.append("\\" * ((j - i) // 2))
                    if (j - i) % 2:
                        arg.append('"')
                        j += 1
                    i = j
                else:
                    arg.append("\\" * (j - i))
                    i = j
            elif line[i] == '"':
                quoted = not quoted
                i += 1
            else:
                arg.append(line[i])
                i += 1
        args.append("".join(arg))


@pytest.fixture
def run_key(tmp_path, monkeypatch):
    """The app on Windows, frozen and installed under Program Files, with an INI file standing
    in for the registry's Run key (the same QSettings calls)."""
    from PySide6.QtCore import QSettings

    from app.ui import autostart

    ini = tmp_path / "run-key.ini"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\Program Files\Daloy\daloy.exe")
    monkeypatch.setattr(autostart, "run_key", lambda: QSettings(str(ini), QSettings.IniFormat))
    return lambda: QSettings(str(ini), QSettings.IniFormat)


def test_start_at_login_writes_the_run_key_and_removes_it(run_key, tmp_path):
    from app.ui import autostart

    data = tmp_path / "Ana's shop data"
    assert not autostart.is_enabled()
    autostart.set_enabled(True, data)
    value = run_key().value(autostart.VALUE)
    assert value == r'"C:\Program Files\Daloy\daloy.exe" --data-dir "' + str(data) + '"'
    assert windows_split(value) == [
        r"C:\Program Files\Daloy\daloy.exe",
        "--data-dir",
        str(data.resolve()),
    ]
    assert autostart.is_enabled()
    autostart.set_enabled(False, data)
    assert not run_key().contains(autostart.VALUE) and not autostart.is_enabled()


def test_start_at_login_without_a_chosen_folder_is_the_program_alone(run_key):
    from app.ui import autostart

    autostart.set_enabled(True)
    assert run_key().value(autostart.VALUE) == r'"C:\Program Files\Daloy\daloy.exe"'


@pytest.mark.skipif(sys.platform == "win32", reason="quotes and colons are not in Windows names")
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=' \t"\\ab:é', min_size=1, max_size=12))
def test_the_run_key_command_gives_daloy_back_its_folder_whatever_it_is_called(name):
    """Whatever a folder is called (spaces, quotes, trailing backslashes), Windows hands the
    started Daloy exactly the folder that was switched on."""
    from app.ui import autostart

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "frozen", True, raising=False)
        mp.setattr(sys, "executable", r"C:\Program Files\Daloy\daloy.exe")
        folder = Path("/srv/shop folders") / name  # not created: only its name is written
        assert windows_split(autostart.command(folder)) == [
            r"C:\Program Files\Daloy\daloy.exe",
            "--data-dir",
            str(folder.resolve()),
        ]


# --- single instance ------------------------------------------------------------------------


def test_the_single_instance_name_is_per_user_and_per_folder_as_windows_compares_paths():
    from app.ui.main import server_name

    shop = server_name(r"C:\Users\Ana\Shop", "ana", ntpath)
    assert shop == server_name("c:/users/ana/shop/", "ana", ntpath)  # one folder to Windows
    assert shop != server_name(r"C:\Users\Ana\Shop", "bo", ntpath)  # another user's Daloy
    assert shop != server_name(r"C:\Users\Ana\Shop2", "ana", ntpath)
    assert server_name("/srv/Shop", "ana") != server_name("/srv/shop", "ana")  # Linux: two


def test_a_second_launch_hands_over_to_the_first(qtbot, tmp_path):
    """The running Daloy's listener gets the second launch's "show"; a launch by another user
    (another name) finds no Daloy to hand over to and starts its own. The address is a named
    pipe on Windows (``single_instance.address``), checked here on the platform it runs on."""
    from app.ui.main import ask_running_instance, server_name
    from app.ui.single_instance import Handover, address

    assert address("daloy-x", "win32") == r"\\.\pipe\daloy-x"
    name = server_name(tmp_path, "ana")
    server = Handover(name)
    try:
        with qtbot.waitSignal(server.show_requested, timeout=5000):
            assert ask_running_instance(name)
        assert not ask_running_instance(server_name(tmp_path, "bo"))
    finally:
        server.close()
    assert not ask_running_instance(name)  # closed: the next launch starts its own


# --- the runner's presence lock on Windows --------------------------------------------------


def test_on_windows_the_runner_keeps_its_tmp_name_and_readers_leave_files_alone(
    tmp_path, monkeypatch
):
    """Windows cannot rename or remove a file another process holds open: the runner's lock
    file keeps its .tmp name, and a reader never deletes a stale one (this system's file lock
    stands in for msvcrt's)."""
    from app.runtime import presence

    monkeypatch.setattr(presence, "WINDOWS", True)
    runner = presence.RunnerPresence(tmp_path)
    runner.start(None)
    held = list((tmp_path / presence.FOLDER).iterdir())
    assert [p.suffix for p in held] == [".tmp"]
    assert presence.runner_running(tmp_path)
    runner.stop()
    assert not held[0].exists() and not presence.runner_running(tmp_path)
    stale = tmp_path / presence.FOLDER / "4242-gone.lock"  # left by a crashed runner
    stale.touch()
    assert not presence.runner_running(tmp_path)
    assert stale.exists()  # left alone on Windows
    monkeypatch.setattr(presence, "WINDOWS", False)
    assert not presence.runner_running(tmp_path) and not stale.exists()  # removed elsewhere
