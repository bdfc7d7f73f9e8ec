"""The one argument parser every platform uses, and dispatch's error replies."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.core.registry import ArgumentError, Command, Invocation, Param, Permission, Registry, split_words
from bot.core.reply import Reply


async def _echo(inv: Invocation, services: object) -> Reply:
    """Echo the parsed arguments."""
    return Reply(title=repr(sorted(inv.args.items())))


async def _boom(inv: Invocation, services: object) -> Reply:
    """Fail."""
    raise RuntimeError("secret internal detail")


async def _bad_argument(inv: Invocation, services: object) -> Reply:
    """Reject its argument."""
    raise ArgumentError("that article number is too large")


@pytest.fixture
def registry() -> Registry:
    registry = Registry()
    registry.add(Command(
        "summary", _echo,
        (Param("article", str, positional=True, rest=True),
         Param("sentences", int, default=3, minimum=1, maximum=10),
         Param("method", str, choices=("lead", "lexrank")),
         Param("since", date),
         Param("verbose", bool, default=False)),
        aliases=("sum",),
    ))
    registry.add(Command("boom", _boom))
    registry.add(Command("bad", _bad_argument, (Param("n", int, positional=True),)))
    registry.add(Command("reload", _echo, permission=Permission.MANAGER))
    return registry


def test_quoted_words_flags_and_defaults(registry: Registry) -> None:
    command, args = registry.parse_line('summary "US convoy" turned --sentences=2 --method lead --verbose')
    assert command.name == "summary"
    assert args == {"article": "US convoy turned", "sentences": 2, "method": "lead", "since": None,
                    "verbose": True}
    command, args = registry.parse_line("SUM --since 2021-10-21")
    assert command.name == "summary"
    assert args["since"] == date(2021, 10, 21)
    assert args["article"] is None
    assert args["sentences"] == 3


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("summary --sentences many", "sentences must be a whole number, not 'many'"),
        ("summary --sentences 0", "sentences must be at least 1"),
        ("summary --sentences 11", "sentences must be at most 10"),
        ("summary --method magic", "method must be one of: lead, lexrank"),
        ("summary --since yesterday", "since must be a date (YYYY-MM-DD)"),
        ("summary --colour red", "unknown option --colour"),
        ("summary 1 -n 2", "unknown option -n; options start with --"),
        ("summary Kabul -sentences 2", "unknown option -sentences; options start with --"),
        ("summary --sentences", "--sentences needs a value"),
        ("bad 1 2", "unexpected argument '2'"),
        ('summary "unclosed', "Cannot read the arguments"),
        ("nosuch", "Unknown command 'nosuch'"),
        ("", "No command given"),
    ],
)
def test_bad_lines_raise_argument_errors(registry: Registry, line: str, message: str) -> None:
    with pytest.raises(ArgumentError, match=re.escape(message)):
        registry.parse_line(line)


@pytest.mark.parametrize("dash", ["\u2014", "\u2013"])
def test_an_option_whose_dashes_became_a_typographic_dash_is_still_the_option(
    registry: Registry, dash: str,
) -> None:
    _, args = registry.parse_line(f"summary US convoy {dash}sentences 2 {dash}method=lead")
    assert (args["article"], args["sentences"], args["method"]) == ("US convoy", 2, "lead")


def test_words_with_a_dash_inside_or_alone_stay_words(registry: Registry) -> None:
    _, args = registry.parse_line("summary al-Kazia checkpoint \u2013 US-led -5")
    assert args["article"] == "al-Kazia checkpoint \u2013 US-led -5"


@pytest.mark.parametrize(
    ("line", "article"),
    [
        ('summary "-ism"', "-ism"),
        ("summary -ISIS fighters", "-ISIS fighters"),
        ("summary Kabul \u2014the attack", "Kabul \u2014the attack"),
        ('summary "\u2014Kabul attack"', "\u2014Kabul attack"),
        ('summary "--sentences" "-n"', "--sentences -n"),
        ("summary \u2014 - e-mail -5", "\u2014 - e-mail -5"),
    ],
)
def test_a_dashed_word_that_is_no_option_of_the_command_or_is_quoted_stays_a_word(
    registry: Registry, line: str, article: str,
) -> None:
    assert registry.parse_line(line)[1]["article"] == article


@pytest.fixture
def helped(registry: Registry) -> Registry:
    registry.add(Command("help", _echo, (Param("name", str, positional=True),)))
    return registry


@pytest.mark.parametrize(
    "line", ["summary --help", "summary -h", "summary \u2014help", "summary \u2013help", "summary 1 -h",
             "sum Kabul attack --help --sentences 2"],
)
def test_a_help_flag_anywhere_asks_for_the_command_s_help(helped: Registry, line: str) -> None:
    command, args = helped.parse_line(line)
    assert (command.name, args) == ("help", {"name": "summary"})


def test_a_quoted_help_flag_is_a_word(helped: Registry) -> None:
    assert helped.parse_line('summary "-h"')[1]["article"] == "-h"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("search Assad's forces", ["search", "Assad's", "forces"]),
        ("search 'US convoy' Hamo", ["search", "US convoy", "Hamo"]),
        ("search “US convoy” Qamishli’s", ["search", "US convoy", "Qamishli's"]),
        ('search "Assad\'s forces" today', ["search", "Assad's forces", "today"]),
    ],
)
def test_words_split_like_people_type_them(line: str, words: list[str]) -> None:
    assert split_words(line) == words


def test_a_bad_argument_error_carries_the_usage_line(registry: Registry) -> None:
    with pytest.raises(ArgumentError) as caught:
        registry.parse_line("summary --sentences zero")
    assert caught.value.usage == registry.get("summary").usage  # type: ignore[union-attr]


def test_an_unknown_command_is_named_but_cut_short(registry: Registry) -> None:
    with pytest.raises(ArgumentError) as caught:
        registry.parse_line("x" * 5000)
    assert len(str(caught.value)) < 80
    assert str(caught.value).endswith("…'. Try help.")


def test_usage_line_is_generated(registry: Registry) -> None:
    command = registry.get("summary")
    assert command is not None
    assert command.usage == (
        "summary [article...] [--sentences SENTENCES] [--method METHOD] [--since SINCE] [--verbose]"
    )


def test_a_handler_without_docstring_is_refused(registry: Registry) -> None:
    async def undocumented(inv: Invocation, services: object) -> Reply:
        return Reply(title="?")

    with pytest.raises(ValueError, match="docstring"):
        registry.add(Command("undocumented", undocumented))


def test_help_is_the_first_paragraph_of_the_docstring() -> None:
    async def handler(inv: Invocation, services: object) -> Reply:
        """List things,
        newest first.

        Details for developers.
        """
        return Reply(title="?")

    assert Command("things", handler).help == "List things, newest first"


def test_names_and_aliases_are_unique(registry: Registry) -> None:
    with pytest.raises(ValueError, match="already taken"):
        registry.add(Command("sum", _echo))


async def test_run_line_answers_bad_arguments_with_usage(registry: Registry) -> None:
    reply = await registry.run_line("summary --sentences x", None, platform="test", channel="c", user="u")
    assert reply.error
    assert "whole number" in reply.title
    assert reply.sections[0].body.startswith("Usage: summary [article...]")
    reply = await registry.run_line("nosuch", None, platform="test", channel="c", user="u")
    assert reply.error
    assert "Try help" in reply.title
    reply = await registry.run_line("'", None, platform="test", channel="c", user="u")
    assert reply.error


async def test_handler_failures_become_error_replies(
    registry: Registry, caplog: pytest.LogCaptureFixture
) -> None:
    reply = await registry.run_line("boom", None, platform="test", channel="c", user="u")
    assert reply.error
    assert "Something went wrong" in reply.title
    shown = repr(reply)
    assert "Traceback" not in shown
    assert "secret internal detail" not in shown
    assert "secret internal detail" in caplog.text  # logged for the operator
    reply = await registry.run_line("bad 3", None, platform="test", channel="c", user="u")
    assert reply.title == "that article number is too large"
    assert reply.sections[0].body == "Usage: bad [n]"


async def test_managers_only_commands_refuse_others(registry: Registry) -> None:
    refused = await registry.run_line("reload", None, platform="test", channel="c", user="u")
    assert refused.error
    assert "only channel managers" in refused.title
    allowed = await registry.run_line("reload", None, platform="test", channel="c", user="u",
                                      is_manager=True)
    assert not allowed.error
