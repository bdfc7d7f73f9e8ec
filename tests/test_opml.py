"""Feed lists as OPML: reading untrusted files safely, writing them, ``newsbot feeds import|export``."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bot.adapters.console import render as console_render
from bot.adapters.discord_render import render as discord_render
from bot.adapters.slack_render import render as slack_render
from bot.cli import main
from bot.core.reply import Reply, Section
from bot.feeds.opml import MAX_OPML_BYTES, OPMLError, OPMLFeed, parse_opml, write_opml
from bot.store import Store
from bot.vocabulary import Destination

READER_EXPORT = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="Wire" title="Wire World" xmlUrl="https://wire.example/world.rss"
               htmlUrl="https://wire.example/"/>
      <outline text="Africa">
        <outline type="rss" text="Sahel Desk" xmlUrl="http://sahel.example/feed"/>
      </outline>
    </outline>
    <outline type="rss" text="Wire again" xmlUrl="https://wire.example/world.rss"/>
  </body>
</opml>
"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<opml version="2.0"><body><outline text="&c;" xmlUrl="https://x.example/rss"/></body></opml>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example/rss"/></body></opml>"""


def opml(*outlines: str) -> bytes:
    return f'<opml version="2.0"><head/><body>{"".join(outlines)}</body></opml>'.encode()


def test_nested_categories_are_flattened_and_repeats_dropped() -> None:
    assert parse_opml(READER_EXPORT) == [
        OPMLFeed("https://wire.example/world.rss", "Wire World", "https://wire.example/"),
        OPMLFeed("http://sahel.example/feed", "Sahel Desk"),
    ]


@pytest.mark.parametrize(("data", "message"), [
    (b"this is not xml", "not XML"),
    (b"<rss><channel/></rss>", "not OPML"),
    (opml('<outline text="Lonely"/>'), "outline 1 (Lonely) has no xmlUrl"),
    (opml('<outline xmlUrl="https://ok.example/rss"/>', '<outline text="Local" xmlUrl="file:///etc/passwd"/>'),
     "outline 2 (Local): 'file:///etc/passwd' is not an http(s) feed address"),
    (opml('<outline xmlUrl="javascript:alert(1)"/>'), "is not an http(s) feed address"),
    (opml(), "lists no feeds"),
    (BILLION_LAUGHS, "DTD or entities"),
    (EXTERNAL_ENTITY, "DTD or entities"),
    (b" " * (MAX_OPML_BYTES + 1), "over 1 MB"),
])
def test_bad_files_get_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(OPMLError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_opml(data)


def test_written_lists_read_back_with_markup_in_titles_kept_as_text() -> None:
    feeds = [OPMLFeed("https://a.example/rss?x=1&y=2", 'Tom & "Jerry" <b>', "https://a.example/"),
             OPMLFeed("https://b.example/atom")]
    document = write_opml(feeds, "newsdigest feeds")
    assert document.startswith("<?xml")
    assert '<opml version="2.0">' in document
    assert '<outline type="rss" text="https://b.example/atom"' in document
    assert parse_opml(document.encode()) == [feeds[0], OPMLFeed("https://b.example/atom", "https://b.example/atom")]


def newsbot(tmp_path: Path, *words: str) -> int:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return main(["--db", str(tmp_path / "cli.sqlite3"), "--seeds", str(tmp_path / "seeds"), *words])


def stored_urls(tmp_path: Path) -> list[str]:
    store = Store.open(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    try:
        return [feed.url for feed in store.feeds()]
    finally:
        store.close()


def test_import_adds_every_feed_once_and_export_round_trips(tmp_path, capsys) -> None:
    source = tmp_path / "reader.opml"
    source.write_bytes(READER_EXPORT)
    assert newsbot(tmp_path, "feeds", "import", str(source), "--every", "30") == 0
    out = capsys.readouterr().out
    assert "added #1  Wire World  <https://wire.example/world.rss>" in out
    assert "imported 2 of 2 feeds; 0 already there" in out

    assert newsbot(tmp_path, "feeds", "import", str(source)) == 0
    out = capsys.readouterr().out
    assert out.count("skipped, already there") == 2
    assert "imported 0 of 2 feeds; 2 already there" in out
    assert stored_urls(tmp_path) == ["https://wire.example/world.rss", "http://sahel.example/feed"]

    exported = tmp_path / "out.opml"
    assert newsbot(tmp_path, "feeds", "export", str(exported)) == 0
    assert "exported 2 feeds" in capsys.readouterr().out
    assert [f.url for f in parse_opml(exported.read_bytes())] == stored_urls(tmp_path)
    assert newsbot(tmp_path, "feeds", "export") == 0
    assert capsys.readouterr().out == exported.read_text(encoding="utf-8")

    store = Store.open(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    store.add_feed("https://chat.example/rss", now=datetime(2026, 12, 1, tzinfo=UTC),
                   added_by=Destination("discord", "C1", "G1"))
    store.close()
    assert newsbot(tmp_path, "feeds", "export") == 0
    assert "chat.example" not in capsys.readouterr().out  # a channel's own feed is not the operator's

    other = tmp_path / "other"
    other.mkdir()
    assert newsbot(other, "feeds", "import", str(exported)) == 0
    assert stored_urls(other) == [f.url for f in parse_opml(exported.read_bytes())]


def test_a_bad_file_imports_nothing(tmp_path, capsys) -> None:
    broken = tmp_path / "broken.opml"
    broken.write_bytes(opml('<outline xmlUrl="https://ok.example/rss"/>', '<outline text="No address"/>'))
    assert newsbot(tmp_path, "feeds", "import", str(broken)) == 2
    err = capsys.readouterr().err
    assert "outline 2 (No address) has no xmlUrl (a feed address); nothing imported" in err
    assert "Traceback" not in err
    assert stored_urls(tmp_path) == []
    assert newsbot(tmp_path, "feeds", "import", str(tmp_path / "missing.opml")) == 2
    assert "cannot read" in capsys.readouterr().err


def test_store_adds_a_list_in_one_transaction(tmp_path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        now = datetime(2026, 12, 1, tzinfo=UTC)
        store.add_feed("https://a.example/rss", now=now)
        added = store.add_feeds([("https://a.example/rss", "A"), ("https://b.example/rss", "B")], now=now)
        assert [(f.url, f.title, created) for f, created in added] == [
            ("https://a.example/rss", None, False), ("https://b.example/rss", "B", True)]
        with pytest.raises(IntegrityError):  # the second has no URL: the first is not kept either
            store.add_feeds([("https://c.example/rss", None), (None, None)], now=now)  # type: ignore[list-item]
        assert [f.url for f in store.feeds()] == ["https://a.example/rss", "https://b.example/rss"]
    finally:
        store.close()



HOSTILE_LIST = [OPMLFeed("https://a.example/x_y*z?q=1&r=~2", "<!channel> @everyone <@&123> ```bold``` _it_"),
                OPMLFeed("https://b.example/feed", "Plain")]


def shown_code(text: str) -> str:
    """The text of the code blocks in a rendered message."""
    return "".join(re.findall(r"```\n?(.*?)\n?```", text, re.DOTALL))


def test_an_export_in_chat_is_one_intact_file_on_every_platform() -> None:
    document = write_opml(HOSTILE_LIST, "newsdigest feeds")
    file = Section(title="feeds.opml", body=document, code=True)
    reply = Reply(title="Feeds here as OPML: 2", sections=(file,))

    [page] = discord_render(reply)
    description = "".join(embed.description or "" for embed in page.embeds)
    assert "<@&123>" not in description  # entities stay escaped in the file itself
    assert parse_opml(shown_code(description).encode()) == [
        OPMLFeed(HOSTILE_LIST[0].url, HOSTILE_LIST[0].title.replace("`", "ˋ")), HOSTILE_LIST[1]]

    [message] = slack_render(reply)
    blocks = "".join(block["text"]["text"] for block in message.blocks if "text" in block)
    assert "<!channel>" not in blocks
    assert "<" not in shown_code(blocks)
    unescaped = shown_code(blocks).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert [f.url for f in parse_opml(unescaped.encode())] == [f.url for f in HOSTILE_LIST]

    printed = console_render(reply, color=False, width=40)
    assert document.strip() in printed  # not wrapped at 40 columns
