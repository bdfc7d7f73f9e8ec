"""Evaluate summarization methods on a reference set: ROUGE F1, articles per second, peak memory.

``evaluate`` runs each method in its own fresh worker process, so its speed and its memory are
its own; ``format_table`` and ``format_json`` report the results.
"""

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
