"""Scheduled digests: slots of each subscription's schedule (``bot.schedule``) claimed in the
database before sending, alerts and feed-failure notices."""

from __future__ import annotations

from bot.schedule import Schedule, ScheduleError, parse_schedule, slot_key
from bot.scheduler.compose import Composer, CorpusComposer
from bot.scheduler.runner import Outcome, Scheduler, SchedulerOptions

__all__ = [
    "Composer",
    "CorpusComposer",
    "Outcome",
    "Schedule",
    "ScheduleError",
    "Scheduler",
    "SchedulerOptions",
    "parse_schedule",
    "slot_key",
]
