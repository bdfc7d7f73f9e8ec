"""Pages: block boundaries end sentences, furniture never reaches a summary (real pages judge it)."""

from __future__ import annotations

import pytest
from methods_fixtures import EVAL_DIR

from summarizer.articles.page import extract_page
from summarizer.evaluation.pages import evaluate_pages

BODY = "".join(
    f"<p>Paragraph {n} tells how the council met on Monday and voted on the new budget for the town.</p>"
    for n in range(6)
)


def page(body: str, title: str = "Council votes on the budget") -> str:
    head = f"<head><title>{title}</title></head>"
    return f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


def test_a_lost_block_boundary_ends_the_sentence_and_a_glued_footnote_number_goes() -> None:
    glued = "<p>It was Wednesday.The stabbing happened at noon, said Line.2 Warren then.</p>"
    text = extract_page(page(BODY + glued)).text
    assert "It was Wednesday.\nThe stabbing happened at noon, said Line. Warren then." in text
    abbreviation = "<p>They said U.S.The rest is here.</p>"
    assert "U.S.The" in extract_page(page(BODY + abbreviation)).text


def test_headline_lines_go_but_code_quoting_the_title_stays() -> None:
    title = "How to scrape search results with Python"
    body = (f"<p>{title}</p><p>Tech Blog - {title} - Example Site</p>"
            f'<pre>query = "{title}"</pre>' + BODY)  # fmt: skip
    extracted = extract_page(page(body, title))
    assert extracted.title == title
    lines = extracted.text.split("\n")
    assert title not in lines
    assert not any("Example Site" in line for line in lines)
    assert any(line.startswith("query =") for line in lines)


def test_real_pages_keep_their_body_and_summaries_carry_no_furniture() -> None:
    folder = EVAL_DIR / "html-dev"
    if not (folder / "expectations.json").is_file():
        pytest.skip(f"{folder} is not available: real-page extraction test NOT run")
    results = evaluate_pages(folder)
    extracted = [r for r in results if r.error is None]
    kept = sum(r.must - len(r.missing) for r in results) / sum(r.must for r in results)
    assert len(extracted) >= 0.98 * len(results)
    assert kept >= 0.94
    assert sum(r.text_ok for r in results) >= 0.72 * len(results)
    assert sum(bool(r.summary_noise) for r in extracted) <= 0.02 * len(extracted)


def test_hover_cards_and_hidden_elements_stay_out_of_sentences() -> None:
    card = (
        '<p>A man threatened to kill Rep. <a href="/o">Ilhan Omar</a><span class="hovercard">'
        "<b>Ilhan Omar</b> Hillicon Valley: Progressives oppose the bill</span> on Monday, police said.</p>"
        '<p>He was arrested.<span aria-hidden="true">Share this story</span></p>'
    )
    text = extract_page(page(BODY + card)).text
    assert "kill Rep. Ilhan Omar on Monday, police said." in text
    assert "Hillicon" not in text
    assert "Share this story" not in text
