#!/usr/bin/env bash
# Set up everything Daloy needs on a Debian machine, then run the app or the test suite.
#   bash packaging/dev.sh run  [daloy args...]   # the desktop app (or: run runner ...)
#   bash packaging/dev.sh test [pytest args...]  # the whole test suite
# As root it installs the Debian packages Qt and the test servers need (and, for `test`, wine and
# Inno Setup, to compile the Windows installer's script); it always creates .venv
# and installs the project into it. Safe to run again: finished steps are skipped.
set -euo pipefail

mode="${1:-}"
[ $# -gt 0 ] && shift
case "$mode" in run|test) ;; *) echo "usage: bash packaging/dev.sh run|test [args...]" >&2; exit 2;; esac

cd "$(dirname "$0")/.."
root_dir="$(pwd)"

qt_pkgs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libdbus-1-3 libfontconfig1
fonts-dejavu-core"
# icu-devtools and gcc: the Linux build's smaller ICU (packaging/icu_data.py, tests/test_frozen.py)
# chromium: the order form laid out at a phone's width (tests/support/browser.py)
test_pkgs="dovecot-imapd postgresql xvfb xauth icu-devtools gcc chromium"

pick_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null 2>&1 &&
       "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  return 1
}

apt_install() {
  local missing=()
  local arch
  arch="$(dpkg --print-architecture)"
  # "$p:$arch" too: with i386 added (wine32), a library installed for both is ambiguous by name.
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || dpkg -s "$p:$arch" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing Debian packages: ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get "${apt_wait[@]}" install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Automatic updates (unattended-upgrades, apt-daily) may hold the package locks for minutes:
# wait for them instead of failing. DPkg::Lock::Timeout makes apt-get wait for dpkg's locks;
# `apt-get update` does not wait for the package lists' lock, so it is retried while that lock
# is what stops it (any other failure stops at once).
apt_wait=(-o DPkg::Lock::Timeout=600)
apt_update() {
  local waited=0 err
  while ! err="$(apt-get "${apt_wait[@]}" update -qq 2>&1 >/dev/null)"; do
    if ! grep -q "Could not get lock" <<<"$err" || [ "$waited" -ge 600 ]; then
      echo "$err" >&2
      return 1
    fi
    [ "$waited" -eq 0 ] && echo "dev.sh: another package manager is running (automatic updates?); waiting for it to finish"
    sleep 5
    waited=$((waited + 5))
  done
}

# The tests compile the Windows installer's script (packaging/windows/daloy.iss) with Inno Setup
# from the npm registry, run by Debian's wine; wine32 needs the i386 architecture.
inno_version=6.4.1
windows_pkgs="wine wine32 wine64"
# Debian's npm only where there is none: it conflicts with a Node.js installed from elsewhere
# (nodesource's, on these machines), and apt then refuses the whole install.
command -v npm >/dev/null 2>&1 || windows_pkgs="$windows_pkgs npm"
add_i386() {
  dpkg --print-foreign-architectures | grep -qx i386 && return 0
  echo "dev.sh: adding the i386 architecture (for wine32)"
  dpkg --add-architecture i386
  apt_update
}
install_inno() {
  [ -f .tools/node_modules/innosetup/bin/ISCC.exe ] && return 0
  command -v npm >/dev/null 2>&1 || return 0
  echo "dev.sh: installing Inno Setup $inno_version (npm: innosetup) into .tools/"
  mkdir -p .tools
  (cd .tools && npm install --no-audit --no-fund --no-save --loglevel=error \
    "innosetup@$inno_version" >/dev/null)
}

pkgs="$qt_pkgs"
[ "$mode" = test ] && pkgs="$pkgs $test_pkgs"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  py="$(pick_python || true)"
  if [ -z "$py" ]; then pkgs="$pkgs python3 python3-venv python3-pip"; fi
  if [ "$mode" = test ]; then
    add_i386
    pkgs="$pkgs $windows_pkgs"
  fi
  # shellcheck disable=SC2086
  apt_install $pkgs
  py="${py:-$(pick_python)}"
  if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    apt_install "python3-venv"
  fi
else
  echo "dev.sh: not root (or no apt-get): skipping Debian packages ($(echo $pkgs | tr '\n' ' '))"
  py="$(pick_python)" || { echo "dev.sh: Python 3.11 or newer is required" >&2; exit 1; }
fi

if [ ! -x .venv/bin/python ]; then
  echo "dev.sh: creating .venv with $py"
  "$py" -m venv .venv
fi
stamp=.venv/.daloy-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "dev.sh: installing Daloy and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test,build]'
  touch "$stamp"
fi

# The Filipino translations are compiled (resources/i18n/build/daloy_fil.qm), never committed.
.venv/bin/python packaging/i18n.py release >/dev/null

if [ "$mode" = run ]; then
  exec .venv/bin/daloy "$@"
fi

install_inno  # project-local (.tools/, gitignored); the tests skip with the reason without it

# Lint first: a ruff violation fails the run before the (long) suite starts.
if ! .venv/bin/ruff check app tests; then
  echo "dev.sh: ruff check found problems (above); fix them, or \`.venv/bin/ruff check --fix app tests\`" >&2
  exit 1
fi
if ! .venv/bin/ruff format --check app tests docs packaging; then
  echo "dev.sh: files above are not formatted; run \`.venv/bin/ruff format app tests docs packaging\`" >&2
  exit 1
fi
# Types: [tool.mypy] in pyproject.toml says what is checked; its cache (.mypy_cache/) makes a
# second run take about a second.
if ! .venv/bin/mypy; then
  echo "dev.sh: mypy found type errors (above); fix them (settings: [tool.mypy] in pyproject.toml)" >&2
  exit 1
fi

export QT_QPA_PLATFORM=offscreen
if [ "${CI:-}" = true ]; then export DALOY_REQUIRE_DOVECOT=1 DALOY_REQUIRE_POSTGRES=1; fi
set +e
# loadgroup: as "load", but tests marked xdist_group share one worker (the frozen build runs once)
.venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then echo "dev.sh: pytest collected no tests" >&2; exit 1; fi
exit $rc
