"""Evaluate summarization methods on a reference set: ROUGE F1, articles per second, peak memory.

``evaluate`` runs each method in its own fresh worker process, so its speed and its memory are
its own; ``format_table`` and ``format_json`` report the results. The names below are imported
on first use, so the command line that only lists the ``evaluate`` subcommand does not load them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.evaluation.dataset import EvalRow, read_rows
    from summarizer.evaluation.report import format_json, format_table
    from summarizer.evaluation.rouge import ROUGE_TYPES, rouge_f1
    from summarizer.evaluation.runner import EvalSettings, MethodResult, evaluate, evaluate_method

__all__ = [
    "ROUGE_TYPES",
    "EvalRow",
    "EvalSettings",
    "MethodResult",
    "evaluate",
    "evaluate_method",
    "format_json",
    "format_table",
    "read_rows",
    "rouge_f1",
]

_HOMES = {
    "EvalRow": "dataset",
    "read_rows": "dataset",
    "format_json": "report",
    "format_table": "report",
    "ROUGE_TYPES": "rouge",
    "rouge_f1": "rouge",
    "EvalSettings": "runner",
    "MethodResult": "runner",
    "evaluate": "runner",
    "evaluate_method": "runner",
}


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
