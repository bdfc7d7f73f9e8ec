"""Pages: block boundaries end sentences, furniture never reaches a summary (real pages judge it)."""

from __future__ import annotations

import lxml.html
import pytest
from linear_time import growth_ratio
from methods_fixtures import EVAL_DIR

from summarizer.articles.furniture import prune_furniture
from summarizer.articles.layout import normalize_layout
from summarizer.articles.page import extract_page
from summarizer.evaluation.pages import evaluate_page, evaluate_pages

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
    assert kept >= 0.935  # captions, an opening byline and reference entries the set counts as text go
    assert sum(r.text_ok for r in results) >= 0.72 * len(results)
    assert sum(bool(r.summary_noise) for r in extracted) <= 0.01 * len(extracted)


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


def test_a_page_whose_article_is_one_short_paragraph_is_not_dumped_whole() -> None:
    # trafilatura's last resort takes such an <article> as one block, furniture and all
    article = (
        '<header><ul class="cats"><li><a href="/issues">Issues</a></li></ul><h1>Prison official warns</h1>'
        '<div class="meta">By <a href="/a/jd">Jane Doe</a> - <time>May 4, 2022</time></div></header>'
        '<div class="sharing"><a href="https://facebook.com/x">Facebook</a><a href="mailto:x">Email</a></div>'
        '<div class="content"><p>A senior prison official has said in a sworn statement that anyone with'
        " enough will could escape.</p></div>"
        '<div class="more"><h4>More from the author</h4><a href="/1">Exiled prisoners plead to come home</a>'
        ' <a href="/2">Governor tests positive for the virus</a></div>'
    )
    head = "<head><title>Prison official warns</title></head>"
    html = f"<html>{head}<body><article>{article}</article></body></html>"
    assert extract_page(html).text == (
        "A senior prison official has said in a sworn statement that anyone with enough will could escape."
    )


def test_related_story_widgets_and_newsletter_boxes_go_by_their_names() -> None:
    widgets = (
        '<div id="next-post-thumbnails"><div class="nextstory">'
        '<h2><a href="/p">Choir sings with Patti Smith</a></h2>'
        "<p>The good folks at the choir are still doing their thing with two stars on stage.</p></div></div>"
        '<ul class="most-popular-items"><li>Mayor resigns after a long row over the harbour plans</li></ul>'
        '<div id="mc_embed_signup"><label>Get the daily newsletter in your inbox every morning</label></div>'
    )
    text = extract_page(page(BODY + widgets)).text
    assert "Paragraph 5" in text
    assert "choir" not in text
    assert "harbour" not in text
    assert "newsletter" not in text


@pytest.mark.parametrize(
    "story",
    [
        # a post's topic labels name the post, not the box
        '<div class="post tag-related-news category-newsletter"><p>The council met on Monday.</p></div>',
        # a box holding the headline holds the article
        '<div class="story-with-related"><h1>Council votes</h1><p>The council met on Monday.</p></div>',
    ],
)
def test_a_story_in_a_box_carrying_a_furniture_word_keeps_its_body(story: str) -> None:
    other = "Other text of the page. " * 20
    tree = lxml.html.fromstring(f"<html><body>{story}<div>{other}</div></body></html>")
    prune_furniture(tree)
    assert "The council met on Monday." in tree.text_content()


def test_an_advert_box_with_a_selling_call_to_action_goes_and_a_link_in_the_text_stays() -> None:
    advert = (
        '<section class="card-feature"><div class="sub-header">Sapphire Card</div>'
        "<ul><li>Earn 80,000 bonus points after you spend $4,000 in the first 3 months.</li>"
        "<li>That is 3X points in addition to the 2X points you already earn on travel.</li></ul>"
        '<div class="cta"><a class="apply" href="/apply">Apply Now</a></div></section>'
    )
    inline = '<p>The shop opened on Monday and readers can <a href="/b">buy now</a> at the door, it said.</p>'
    text = extract_page(page(BODY + inline + advert)).text
    assert "bonus points" not in text
    assert "3X points" not in text
    assert "readers can buy now at the door" in text


def _advert_cards(count: int) -> str:
    card = '<div class="cta"><a href="/apply">Apply now</a></div>'
    story = f"<div><p>{'The council met on Monday. ' * 40}</p></div>"
    return f"<html><body>{story}<section>{card * count}</section></body></html>"


def _prune(html: str) -> None:
    prune_furniture(lxml.html.fromstring(html))


def test_pruning_grows_linearly_with_the_selling_links_of_a_page() -> None:
    # each link measured its box again: 8 times the links took about 64 times the CPU time
    assert growth_ratio(_prune, _advert_cards, small=1_000, large=8_000) < 24


def test_the_page_evaluation_counts_a_one_word_needle_only_as_a_whole_word() -> None:
    body = "<p>Readers of the contemplatives blog met the Tory MPs on Monday to talk about the budget.</p>"
    noise = ["#contemplative", "met the Tory MP", "Cancel reply"]
    expected = {"with": ["Paragraph 0 tells"], "without": noise}
    result = evaluate_page(page(BODY + body).encode(), "page.html", expected)
    assert result.leaked == ("met the Tory MP",)
    assert not result.missing


def test_a_layout_table_becomes_divisions_and_a_data_table_stays() -> None:
    layout = "<table><tr><td><div>Word Of The Day</div>with Jane Doe<h3>maudlin</h3></td></tr></table>"
    data = "<table><tr><th>Year</th><td>2019</td></tr></table>"
    tree = lxml.html.fromstring(f"<html><body>{layout}{data}</body></html>")
    normalize_layout(tree)
    assert [element.tag for element in tree.iter("table", "tr", "th", "td")] == ["table", "tr", "th", "td"]
    assert tree.xpath("string(//body/div[1]/div[1]/div[1]/div[1])") == "Word Of The Day"


def test_a_data_table_inside_a_layout_table_stays_a_table() -> None:
    tree = lxml.html.fromstring(
        "<html><body><table><tr><td><p>Text</p><table><tr><td>1</td><td>2</td></tr></table></td></tr>"
        "</table></body></html>"
    )
    normalize_layout(tree)
    assert [element.tag for element in tree.iter("table", "td")] == ["table", "td", "td"]


def test_source_line_breaks_in_running_text_are_spaces_and_preformatted_text_keeps_them() -> None:
    # trafilatura keeps the source lines of a paragraph that holds inline code
    wrapped = "<p>The tools are used from a shell, often\nwith shell integration, like\n<code>cd</code>.</p>"
    code = "<pre>set -g mouse on\nbind r source-file</pre>"
    text = extract_page(page(BODY + wrapped + code)).text
    assert "often with shell integration, like cd." in text
    assert "set -g mouse on\nbind r source-file" in text
