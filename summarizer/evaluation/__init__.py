"""Evaluate summarization methods on a reference set: ROUGE F1, articles per second, peak memory.

``evaluate`` runs each method in its own fresh worker process, so its speed and its memory are
its own; ``format_table`` and ``format_json`` report the results. The names below are imported
on first use, so the command line that only lists the ``evaluate`` subcommand does not load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.lazy import lazy_attributes

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
    "EvalRow": "summarizer.evaluation.dataset",
    "read_rows": "summarizer.evaluation.dataset",
    "format_json": "summarizer.evaluation.report",
    "format_table": "summarizer.evaluation.report",
    "ROUGE_TYPES": "summarizer.evaluation.rouge",
    "rouge_f1": "summarizer.evaluation.rouge",
    "EvalSettings": "summarizer.evaluation.runner",
    "MethodResult": "summarizer.evaluation.runner",
    "evaluate": "summarizer.evaluation.runner",
    "evaluate_method": "summarizer.evaluation.runner",
}

__getattr__ = lazy_attributes(__name__, _HOMES)
