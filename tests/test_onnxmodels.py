"""The runtime runs the exported ONNX models without torch, and says how to get them back when
they are missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import HARBOUR, ROOT
from newsprism.errors import ModelError

# What exporting needs and running must not: each costs seconds to import and ~1 GB to install.
EXPORT_ONLY = ("torch", "transformers", "sentence_transformers", "onnx")


def test_a_briefing_runs_without_torch():
    # Where torch is installed (a venv from before the lean install) thinc imports it if it can:
    # hide it, and everything only exporting needs, as the runtime venv does not have them.
    code = f"""
import sys
from importlib.abc import MetaPathFinder

class Absent(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {EXPORT_ONLY!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)

sys.meta_path.insert(0, Absent())
from newsprism.cli import app
try:
    app(["brief", {str(HARBOUR)!r}, "--format", "json"])
except SystemExit as done:
    assert done.code == 0, done.code
print("onnxruntime" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    briefing, ran_the_model = done.stdout.rsplit("\n", 2)[:2]
    assert json.loads(briefing)["claims"]
    assert ran_the_model == "True"  # the sentence model did run, on onnxruntime


def test_a_missing_model_names_the_install_script(tmp_path, monkeypatch):
    from newsprism.embed import SentenceEncoder

    monkeypatch.setenv("NEWSPRISM_MODELS", str(tmp_path))
    with pytest.raises(ModelError, match=r"all-MiniLM-L6-v2/model.onnx is missing.*\./install\.sh"):
        SentenceEncoder()


def test_a_brief_without_the_model_fails_in_one_line(tmp_path):
    env = {**os.environ, "NEWSPRISM_MODELS": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "newsprism", "brief", str(HARBOUR)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert done.returncode == 2  # fatal: nothing can be briefed without the model
    assert "Traceback" not in done.stderr
    assert "is missing" in done.stderr and "run ./install.sh" in done.stderr
