#!/usr/bin/env bash
# Install newsprism into ./.venv with the models it ships with; nothing is downloaded at run
# time. Re-running it is safe.
#   ./install.sh                 the runtime with the `dev` and `ray` extras (tests, linting, Ray)
#   ./install.sh --extras ""     the runtime alone; `--extras ray` for a Ray worker node
set -euo pipefail
cd "$(dirname "$0")"
extras="dev,ray"
while [ $# -gt 0 ]; do
    case "$1" in
        --extras) extras="${2?--extras needs a value}"; shift 2 ;;
        --extras=*) extras="${1#*=}"; shift ;;
        *) echo "usage: ./install.sh [--extras LIST]  (default: dev,ray; \"\" for the runtime alone)" >&2
           exit 2 ;;
    esac
done
started=$SECONDS
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".${extras:+[$extras]}"
# spaCy's wheels for Python before 3.12 are compiled with Cython's profiling hooks, which take
# the GIL each time a nogil function returns: its parser and NER spend half their time there.
# Rebuild the same spaCy from source without them (same analyses, ~40 % less CPU per article;
# ~6 minutes on 2 cores, once per venv).
spacy_seconds=0
if .venv/bin/python -c "import sys
from newsprism.analyse.nlp import spacy_has_profiling_hooks
sys.exit(not spacy_has_profiling_hooks())"
then
    spacy_started=$SECONDS
    spacy_version="$(.venv/bin/python -c 'import spacy; print(spacy.__version__)')"
    build_config="$(mktemp)"
    printf '[build_ext]\nparallel = %s\n' "$(nproc)" > "$build_config"
    echo "building spaCy $spacy_version without profiling hooks (a few minutes)"
    CPPFLAGS="-DCYTHON_PROFILE=0" DIST_EXTRA_CONFIG="$build_config" .venv/bin/pip install \
        --quiet --no-cache-dir --no-deps --force-reinstall --no-binary spacy "spacy==$spacy_version"
    rm -f "$build_config"
    spacy_seconds=$((SECONDS - spacy_started))
fi
# The neural models run on onnxruntime. Their ONNX graphs are exported with torch and
# transformers (~1.5 GB) in a throwaway venv, deleted afterwards: the runtime needs no torch.
export_started=$SECONDS
models="$(.venv/bin/python -c 'from newsprism.onnxmodels import models_dir; print(models_dir())')"
export_venv="$(mktemp -d)"
trap 'rm -rf "$export_venv"' EXIT
echo "exporting the models to ONNX in a throwaway venv (a few minutes)"
python3 -m venv "$export_venv"
"$export_venv/bin/pip" install --quiet -r requirements-export.txt
PYTHONPATH="$PWD/src" "$export_venv/bin/python" -m newsprism.onnxmodels "$models"
rm -rf "$export_venv"
export_seconds=$((SECONDS - export_started))
.venv/bin/python -c "from newsprism.embed import load_encoder; load_encoder()"
# What was installed, so that a growing venv is seen.
echo "newsprism installed in $((SECONDS - started)) s (spaCy rebuild $spacy_seconds s," \
     "model export $export_seconds s): .venv/bin/newsprism --help"
echo "venv $(du -sh .venv | cut -f1), of which models $(du -sh "$models" | cut -f1) in $models"
.venv/bin/python - <<'EOF'
from importlib.metadata import distributions


def size(dist) -> int:
    return sum(p.stat().st_size for p in map(dist.locate_file, dist.files or ()) if p.is_file())


biggest = sorted(((size(d), d.metadata["Name"], d.version) for d in distributions()),
                 reverse=True)[:8]
print("biggest packages:", ", ".join(f"{name} {version} {bytes_ / 1e6:.0f} MB"
                                      for bytes_, name, version in biggest))
EOF
