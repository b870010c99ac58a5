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
# spaCy's wheels for Python before 3.12 are compiled with Cython's profiling hooks, which take
# the GIL each time a nogil function returns: its parser and NER spend half their time there.
# Rebuild the same spaCy from source without them (same analyses, ~40 % less CPU per article;
# ~6 minutes on 2 cores, once per venv).
if .venv/bin/python -c "import sys
from newsprism.analyse.nlp import spacy_has_profiling_hooks
sys.exit(not spacy_has_profiling_hooks())"
then
    spacy_version="$(.venv/bin/python -c 'import spacy; print(spacy.__version__)')"
    build_config="$(mktemp)"
    printf '[build_ext]\nparallel = %s\n' "$(nproc)" > "$build_config"
    echo "building spaCy $spacy_version without profiling hooks (a few minutes)"
    CPPFLAGS="-DCYTHON_PROFILE=0" DIST_EXTRA_CONFIG="$build_config" .venv/bin/pip install \
        --quiet --no-cache-dir --no-deps --force-reinstall --no-binary spacy "spacy==$spacy_version"
    rm -f "$build_config"
fi
.venv/bin/python -c "from newsprism.embed import load_encoder; load_encoder()"
echo "newsprism installed: .venv/bin/newsprism --help"
