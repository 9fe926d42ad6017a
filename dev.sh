#!/usr/bin/env bash
# Set up pokin and run it, on a fresh Debian/Ubuntu machine with Python 3.11+.
#   bash dev.sh demo   check and draw every bundled dataset into render/
#   bash dev.sh test   lint, type-check and run the whole test suite
# Installs what it needs: a virtualenv in .venv (python3-venv from apt when missing)
# and Graphviz's `dot` (apt-get install graphviz) when it is not on PATH.
set -euo pipefail
cd "$(dirname "$0")"

VENV=${POKIN_VENV:-.venv}
PYTHON=${PYTHON:-python3}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
    echo "dev.sh: installing $* with apt-get" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

need_python() {
    command -v "$PYTHON" >/dev/null || apt_install python3
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        echo "dev.sh: pokin needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)." >&2
        echo "        Install one (apt-get install python3.11) and run PYTHON=python3.11 bash dev.sh $1" >&2
        exit 2
    }
}

need_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the project's metadata changed since the last install.
    if [ ! -f "$VENV/.pokin-installed" ] || [ pyproject.toml -nt "$VENV/.pokin-installed" ]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e '.[dev]'
        touch "$VENV/.pokin-installed"
    fi
}

need_dot() { command -v dot >/dev/null || apt_install graphviz; }
# The HTML report is tested in a real headless browser (Debian's chromium).
need_browser() { command -v chromium >/dev/null || apt_install chromium; }

cmd=${1:-}
case "$cmd" in
    demo)
        need_python demo; need_venv; need_dot
        "$VENV/bin/pokin" demo --out render
        ;;
    test)
        need_python test; need_venv; need_dot; need_browser
        "$VENV/bin/ruff" check pokin tests bench datasets
        "$VENV/bin/ruff" format --check pokin tests bench datasets
        "$VENV/bin/mypy"
        "$VENV/bin/lint-imports" --no-cache  # the layer contract in pyproject.toml
        shift
        "$VENV/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: bash dev.sh demo|test [pytest options]" >&2
        exit 2
        ;;
esac
