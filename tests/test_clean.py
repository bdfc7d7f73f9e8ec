"""Cleaning: the seed article's noise goes, generic noise goes, the body and real quotes stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.clean import clean_text
from summarizer.document import prepare

SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

SEED_NOISE = (
    "The US military convoy had to turn around",
    "Reminder: The US military has no legal ground",
    "@VeraVanHorne",
    "A terrorist group outlawed in Russia",
)


def test_seed_article_has_21_body_sentences_after_cleaning() -> None:
    document = prepare(SEED.read_text(encoding="utf-8"))
    assert len(document.sentences) == 21
    assert [s.index for s in document.sentences] == list(range(21))


def test_seed_noise_is_dropped_and_body_kept() -> None:
    cleaned = clean_text(SEED.read_text(encoding="utf-8"))
    for noise in SEED_NOISE:
        assert noise not in cleaned
    assert "Daesh (ISIS) remnants" in cleaned  # the footnote marker goes with its footnote
    assert "That incident reportedly involved three MRAPs and a Humvee." in cleaned
    assert "“did not have permission to do so.”" in cleaned


def test_embedded_post_keeps_the_article_line_that_introduces_it() -> None:
    text = (
        "The minister denied the report in a long statement on Monday evening.\n"
        "She later wrote on Twitter:\n"
        "This is false. We never agreed to it.\n"
        "— Jane Roe (@janeroe) March 3, 2022\n"
        "Talks resume next week."
    )
    assert clean_text(text).split("\n") == [
        "The minister denied the report in a long statement on Monday evening.",
        "She later wrote on Twitter:",
        "Talks resume next week.",
    ]


def test_embedded_post_does_not_swallow_a_long_paragraph_above() -> None:
    long_paragraph = "Officials said the convoy was stopped at the checkpoint for several hours. " * 5
    post = "Short post text.\n— Someone (@someone) 5 May 2020"
    text = f"{long_paragraph.strip()}\n{post}\nMore body text here."
    assert clean_text(text).split("\n") == [long_paragraph.strip(), "More body text here."]


def test_instagram_post_and_its_caption_are_dropped() -> None:
    body = "The singer announced the tour in a post seen by millions of fans across the region. " * 4
    post = "See you soon!\nA post shared by Some Body (@some.body) on Jun 1, 2021 at 10:00am PDT"
    text = f"{body.strip()}\n{post}"
    assert clean_text(text) == body.strip()


@pytest.mark.parametrize(
    "noise",
    [
        "Read more: Syria says US troops must leave",
        "READ MORE",
        "Related: Convoy turned back near Qamishli",
        "Related articles",
        "Share this article",
        "Share on Facebook",
        "Subscribe to our channel for more videos",
        "Sign up for our daily briefing",
        "Photo: Sputnik / Mikhail Voskresensky",
        "Image copyright Reuters",
        "(Photo by John Smith/Getty Images)",
        "Video: Syrian troops block the convoy",
        "Syrian soldiers at a checkpoint. AFP/Getty Images",
        "© Sputnik / Stringer",
        "By John Smith",
        "By John Smith and Jane Doe, Reuters",
        "BY MARIA GARCIA | Senior Correspondent",
        "Published: 12:34 GMT, 21 October 2021",
        "Updated on October 21, 2021",
        "October 21, 2021",
        "Thursday, 21 October 2021 14:05 GMT",
        "We use cookies to improve your experience on our site.",
        "This website uses cookies. By continuing to browse the site you agree.",
        "Get our free newsletter delivered to your inbox every morning.",
        "Reporting by Tom Perry; Editing by Alex Richardson",
        "https://t.co/abc123",
        "Advertisement",
        "Taiwan's president speaks during a debate in Taipei on December 29. Photo: AP",
        "The minister (right) looks on as the chief executive speaks at the launch.",
        "| | Home | Today's Word | Archives | FAQ",
        "Home › News › World › Europe",
        "Category : Press Releases",
        "Tags: politics, budget, council",
        "Follow The Daily Example on Twitter and Instagram for the latest news.",
        "For the latest stories download the Example News apps for iOS and Android.",
        "To view the full story, please subscribe to The Example Times.",
        "Related Videos",
        "LEAVE A REPLY Cancel reply",
        "12 Comments",
        "Facebook Twitter WhatsApp Email",
        "war, Syria, Idlib, ceasefire talks, Russia, Turkey air strikes",
        "Keywords",
        "You may also like",
        "Most Read",
        "Written by: Julie Mollins",
        "About the author",
        "Figure 3: Changing the font size of the axis text.",
        "If you enjoyed this roundup, subscribe to our YouTube channel for video updates.",
        "© 2024 Riverside Chronicle Ltd. Reuse of this page needs our consent.",
        "Copyright 2017 Moorland Herald Partnership; all rights reserved worldwide.",
        "Harbour Gazette, 2023. All rights reserved.",
        "We would love to hear what you think, so leave your thoughts in the box below.",
        "Do you want to stay up to date on every match? Join the club list.",
        "Write your letter to the editor in under 300 words.",
        "Send us a letter for publication using the form below.",
        "Contact us: +44 20 7946 0000",
        "Disclosure: our guide contains affiliate links, and buying through them supports the site.",
        "We may receive compensation if you order a kettle from the shops listed here.",
        "(Credits: drawing by Olu Bakare for the Weekly)",
        "Contact: (01632) 960 111 for tickets",
        "Reach the desk by email: [email protected]",
        "Write to us at [email protected]",
        "HARBOURTIMES.NET",
        "radio.harbourtimes.co.uk",
        "2 May 2019 | Category: Gardening | 3 Comments",
        "recipes.txt, 7/11/2016 — Tags: soup, winter",
        "Entry 17 — 09.03.2018 — Category: Club notices",
        "Valley Sport — Two late goals sent the home side top of the table... more",
        "Rain delayed the harvest for a third week, and growers now fear… Read more »",
        "Сhеар flіghts tо Lіsbоn, bооk nоw!",
    ],
)
def test_generic_noise_lines_are_dropped(noise: str) -> None:
    body = "Syrian troops turned back the convoy on Thursday. Nobody was hurt."
    after = "The convoy returned to its base near the border on Friday."
    assert clean_text(f"{body}\n{noise}\n{after}") == f"{body}\n{after}"


@pytest.mark.parametrize(
    "body",
    [
        "By the end of the day, the convoy had left the area.",
        "By Monday, police had arrested five people.",
        "Related charges were filed against two other soldiers.",
        "Subscribers to the service complained about the outage.",
        "Watchdog groups said the vote was fair.",
        "Published reports said the deal was close.",
        "“We will not let them pass,” a soldier told Sputnik.",
        "The photo, published by the ministry, showed the convoy.",
        "The new cookie rules take effect in the EU next year.",
        "* The only bullet in a list that is not a footnote",
        "Residents want to be kept informed about the bridge works, the mayor said.",
        "The band's records may not be reproduced without permission, a court ruled in 2019.",
        "We want to hear from the families first, the minister said.",
        "The ministry's website, example.gov, went offline for two hours.",
        "bookmarks.el",
        "android.permission.CAMERA",
        "The category of the storm was raised on March 3, 2020 at 10:15 AM.",
        "The stock fell to a record low... and then rebounded to close higher.",
        "Совет собрался в понедельник, сообщили в Minsk News и в газете «Вечерний Минск».",
        "The letters α, β and γ and the word Москва stand for the three test groups in the paper.",
    ],
)
def test_body_lines_that_look_like_noise_are_kept(body: str) -> None:
    text = f"- first item of a list\n{body}" if body.startswith("*") else f"Opening line here.\n{body}"
    assert clean_text(text).split("\n")[-1] == body


def test_datelines_are_stripped_from_the_first_paragraph() -> None:
    assert clean_text("WASHINGTON (Reuters) - The Senate voted.\nNext.") == "The Senate voted.\nNext."
    assert clean_text("(CNN) -- A storm hit.") == "A storm hit."
    assert clean_text("DAMASCUS, Oct 21 (Sputnik) — Troops stopped a convoy.") == "Troops stopped a convoy."
    assert clean_text("NATO allies met.") == "NATO allies met."
    assert clean_text("London (CNN)It was the interview.\nNext.") == "It was the interview.\nNext."
    assert clean_text("The law (ACA) was passed.") == "The law (ACA) was passed."


def test_a_publication_stamp_joined_to_the_first_paragraph_is_stripped() -> None:
    # the stamp's own line, hard-wrapped into the paragraph below it
    text = "Friday, March 6, 2026\nOn Tuesday, the harbour board approved the ferry timetable.\n\nNext."
    assert clean_text(text) == "On Tuesday, the harbour board approved the ferry timetable.\nNext."
    assert clean_text("Sunday, 8 March 2026 The ferry sailed.") == "The ferry sailed."
    kept = "Friday, March 6, 2026 was the day the ferry sailed.\nSaturday, March 7, 2026 Ferry sails later."
    assert clean_text(kept) == kept  # a date that is the sentence's subject; later paragraphs


def test_a_byline_opening_the_first_paragraph_is_stripped() -> None:
    assert clean_text("By Jane Doe: The Americas stay alert.\nNext.") == "The Americas stay alert.\nNext."
    assert clean_text("By Jane Doe - The council met.") == "The council met."
    kept = "By Monday the council had met.\nBy Jane Doe: second paragraphs keep it."
    assert clean_text(kept) == kept


def test_duplicated_paragraphs_and_pull_quotes_are_dropped() -> None:
    text = (
        "The convoy turned back at the checkpoint. Five vehicles were involved in the standoff.\n"
        "Five vehicles were involved in the standoff.\n"
        "The convoy turned back at the checkpoint. Five vehicles were involved in the standoff.\n"
        "Officials declined to comment."
    )
    assert clean_text(text).split("\n") == [
        "The convoy turned back at the checkpoint. Five vehicles were involved in the standoff.",
        "Officials declined to comment.",
    ]


def test_footnote_requires_a_marker_or_a_lone_trailing_line() -> None:
    bullets = "Steps:\n* first step\n* second step"
    assert clean_text(bullets) == bullets
    assert clean_text("The group* was banned.\n* Banned in Russia.") == "The group was banned."


def test_blank_line_paragraphs_come_back_one_per_line() -> None:
    assert clean_text("First para\nwrapped line.\n\nSecond para.") == "First para wrapped line.\nSecond para."


@pytest.mark.parametrize("text", ["", "   \n\t\n", "Read more\nShare this"])
def test_nothing_left_gives_empty_text(text: str) -> None:
    assert clean_text(text) == ""
    assert prepare(text).sentences == ()


def test_prepare_keeps_title_and_can_skip_cleaning() -> None:
    document = prepare("Read more\nA body.", title="T", clean=False)
    assert document.title == "T"
    assert document.texts == ["Read more", "A body."]


def test_prepare_pretokenized_splits_on_standalone_stops() -> None:
    document = prepare("the u.s. army left . `` we are done . '' he said it was over !", pretokenized=True)
    assert document.texts == ["the u.s. army left .", "`` we are done . ''", "he said it was over !"]


def test_a_subscription_prompt_inside_a_long_paragraph_goes_alone() -> None:
    words = " ".join(["The council debated the repairs of the old bridge for hours on end."] * 5)
    prompt = "When you join the Example family, you'll get unlimited digital access to our journalism."
    assert clean_text(f"{words} {prompt} The vote came late.") == f"{words} The vote came late."


def test_captions_prompts_and_look_alike_paragraphs_in_body_text_are_kept() -> None:
    kept = (
        "The photographer said the photo was taken in 2019, long before the war began.\n"
        "Readers can subscribe to the council's minutes, the clerk said on Monday.\n"
        "He turned left at the junction and then right toward the market hall.\n"
        "Ingredients: flour, sugar, eggs, milk, butter.\n"
        "Apples, pears, plums, cherries and peaches grow here, he said\n"
        "Popular anger grew on Monday as the talks failed.\n"
        "- Wheelchairs up to a width of 70cm and a length of 120cm which are within the weight limit\n"
        "- Mobility scooters up to a width of 60cm and a length of 100cm and a turning radius of 120cm"
        " which are within the weight limit\n"
        "The council met on Monday to discuss the bridge.\n"
        "The council met again on Friday, when it voted to close the old bridge to lorries for a year."
    )
    assert clean_text(kept) == kept


def test_a_teaser_that_the_next_paragraph_repeats_goes() -> None:
    teaser = "Divers found 40 kilos of gold hidden inside a wreck off the coast near Porto."
    lead = (
        "Navy divers from the coastal unit found on Sunday 40 kilos of gold hidden inside a wreck off the"
        " coast near Porto, the navy said on Tuesday."
    )
    rest = "The wreck had been on the seabed since 1911."
    assert clean_text(f"{teaser}\n{lead}\n{rest}") == f"{lead}\n{rest}"


def test_a_breadcrumb_opening_a_paragraph_goes_and_the_text_stays() -> None:
    entry = "A Word A Day: maudlin, an adjective meaning overly sentimental."
    assert clean_text(f"| | Home Today's Word Archives FAQ | | {entry}") == entry
    assert clean_text(f"Home › News › World › {entry}") == entry
    kept = "Home games are sold out, he said.\nHome › News › World ›"
    assert clean_text(kept) == "Home games are sold out, he said."  # a whole navigation line goes


@pytest.mark.parametrize(
    ("line", "is_entry"),
    [
        ("- 1. Doe J, Roe R. Vaccines in older adults. Lancet. 2005.", True),
        ("[2] Moreau H, Lind K. Skin reactions to common drugs. London: Example Press; 1996.", True),
        ("Roe R et al. Trials of a new drug in children. Br J Med. 2013.", True),
        ("Chelsea FC, Arsenal FC. The two clubs drew 1-1 on Sunday.", False),
        ("Smith JD, Jones AB. They met in court.", False),
        ("Smith JD, Jones AB. They met in court in 2019.", False),
        # an entry without a year goes only next to another entry (see the reference list above)
        ("Lin I-C et al. Liver injury in patients: a clinical study of 72 cases.", False),
    ],
)
def test_an_author_list_alone_goes_only_with_a_title_and_a_source_year(line: str, is_entry: bool) -> None:
    before = "The league met on Monday and set the dates of the new season for every club."
    after = "The study followed 4,000 patients for ten years, the hospital said on Friday."
    kept = [before, after] if is_entry else [before, line, after]
    assert clean_text(f"{before}\n{line}\n{after}") == "\n".join(kept)


def test_upper_case_label_lines_of_a_promotion_box_go() -> None:
    body = "The airline joins the alliance.\nUPDATE: It confirmed the date on Tuesday.\nDirector: Jane Doe"
    labels = ["WELCOME OFFER: 80,000 Points", "CARD HIGHLIGHTS: 2X points on travel and dining"]
    assert clean_text("\n".join([*labels, body])) == body


def test_reference_list_entries_go_and_body_citing_a_study_stays() -> None:
    body = (
        "The study, published in The Lancet in 2005, followed 4,000 patients for ten years.\n"
        "The first meeting was held on 12 May 2019; 10:30 was the start.\n"
        "Doe J, the mayor, and Roe R, her deputy, signed the deal on Monday."
    )
    references = (
        "- 1. Doe J, Roe R. Vaccines in older adults. Lancet. 2005;366:1165-74.\n"
        "- 2. Roe R et al. Trials of a new drug in children. Br J Med. 2013;169(5):1071–80.\n"
        "- 3. Poe P. A review of reviews. J Rev. [PMID: 1234567]\n"
        "- 4. Moe M. Ageing and immunity. Int Rev Cytol. CrossrefMedlineGoogle Scholar\n"
        "- 5. Moreau H, Lind K, Abara T. Skin reactions to common drugs. In Seminars in medicine. 1996.\n"
        "- 6. •• Ruiz-Ortega V, van Dalen R. Findings in a district hospital. Rev Med. 2016.\n"
        "Suwannarat A, et al. Ten years of skin tests in one clinic. Allergol Int. 2016.\n"
        "- 7. Lin I-C et al. Liver injury in patients: a clinical study of 72 cases.\n"
        "Analysis and interpretation of the data: M.L. Doe, C. Roe and D. Poe.\n"
        "Disclosures: Dr. Doe reports grants from the Example Institute during the conduct of the study.\n"
        "Acknowledgments: The authors thank the seminar participants at three universities for comments."
    )
    assert clean_text(f"{body}\n{references}") == body


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Facebook Twitter WhatsApp Email", True),
        ("Share via Telegram Reddit Copy link", True),
        ("Facebook said on Tuesday that Twitter users left", False),  # a sentence naming networks
        ("Email Facebook", False),  # one network only
    ],
)
def test_a_share_bar_is_only_network_and_share_words(line: str, dropped: bool) -> None:
    body = "The ferry to Lindqvist harbour was cancelled after the storm damaged its pier."
    assert clean_text(f"{body}\n{line}") == (body if dropped else f"{body}\n{line}")


def test_a_paywall_pitch_goes_from_its_first_prompt_to_its_last() -> None:
    body = "The bakery on Mill Lane reopened after the flood.\nIts owners borrowed ovens from a school."
    pitch = (
        "Please subscribe to read every story from the Lakeside Post.\n"
        "Plans start at two dollars a week.\n"
        "Cancel whenever you like.\n"
        "Already a subscriber? Sign in below."
    )
    assert clean_text(f"{body}\n{pitch}") == body


def test_one_subscription_prompt_does_not_take_the_text_after_it() -> None:
    text = (
        "The council approved the budget on Monday.\n"
        "Subscribe now to get our morning briefing.\n"
        "The vote was seven to two, and the new budget takes effect in July."
    )
    kept = text.split("\n")
    assert clean_text(text) == f"{kept[0]}\n{kept[2]}"


@pytest.mark.parametrize(
    "body",
    [
        "The judge said the photographs were copyrighted material and ordered the site to pay $2 million.",
        "The judge found the photographs were copyrighted material and fined the blog in 2019.",
        'The contract, which says "all rights reserved" on every page, was signed in 2018.',
        "The union accused the broadcaster of a plan under which the site would republish articles without"
        " credit to the freelance writers who wrote them.",
        "Officials said this story of the siege may not be the last word on the events of 2014.",
        "Permission is required to reproduce the painting, the museum said on Friday.",
        "Copyright lawyers for the studio filed the claim on Monday.",
    ],
)
def test_paragraphs_about_copyright_are_kept(body: str) -> None:
    text = f"The hearing lasted three days.\n{body}\nThe verdict is expected next month."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "body",
    [
        '"If you saw the van that night, we would like to hear from you," Inspector Jane Roe of Kent'
        " Police said.",
        "We would like to hear from you, said the detective leading the search for the missing hiker.",
        "Anyone who wants to stay up to date can call the council, do you want to know more?",
    ],
)
def test_quoted_and_reported_appeals_to_readers_are_kept(body: str) -> None:
    text = f"The van was found burnt out near the quarry.\n{body}\nThe road reopened on Sunday."
    assert clean_text(text) == text


def test_a_reader_prompt_opening_its_paragraph_goes() -> None:
    body = "The van was found burnt out near the quarry.\nThe road reopened on Sunday."
    prompt = "We'd love to hear from you: tell us about the roadworks on your street."
    assert clean_text(f"{prompt}\n{body}") == body


@pytest.mark.parametrize(
    "body",
    [
        "Regulators found that many influencer posts contain affiliate links without disclosing them.",
        "The ransom note, sent from [email protected], demanded payment in bitcoin by Friday.",
        "The retailer said we may earn a commission on each sale was a line added by its lawyers.",
    ],
)
def test_news_about_affiliate_links_and_email_is_kept(body: str) -> None:
    text = f"The inquiry opened in March.\n{body}\nIts report is due in the autumn."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "body",
    [
        "Fine particle levels reached 180 μg/m3 on Tuesday, twelve times the 15 μg/m3 daily limit.",
        "The drug cleared Aβ plaques in mice, and levels of Aβ42 in the blood fell by a third.",
        "The α-helix and β-sheet regions of the protein bind the Ω-loop, the team reported.",
        "Совет собрался в понедельник; в Minsk Daily вышла статья о мосте.",
    ],
)
def test_greek_symbols_and_other_scripts_are_not_disguise(body: str) -> None:
    text = f"The study ran for two years.\n{body}\nIts authors plan a larger trial."
    assert clean_text(text) == text


def test_words_disguised_with_lookalike_letters_go() -> None:
    body = "The study ran for two years.\nIts authors plan a larger trial."
    promo = "Вооst уоur sаlеs tоdау wіth оur сhеар рrоmоtіоns!"
    assert clean_text(f"{body}\n{promo}") == body


def test_a_story_about_a_paywall_keeps_its_paragraphs_between_two_prompts() -> None:
    news = [
        "The Valley Courier put its website behind a paywall on Monday after twenty years of free news.",
        "Its front page now ends each story with a box asking readers to subscribe now for five dollars.",
        *(
            f"Reader number {n} told the paper the change came at a hard time for families in the valley."
            for n in range(1, 9)
        ),
        "Anyone already a subscriber of the print edition gets the website free, the publisher said.",
        "The paper expects to know by spring whether the change pays for its two new reporters.",
    ]
    text = "\n".join(news)
    assert clean_text(text) == text


def test_a_prompt_opening_the_text_is_no_pitch_after_the_body() -> None:
    text = (
        "Please subscribe to keep local reporting alive.\n"
        "Rates rose.\n"
        "Unlimited access costs ten dollars a month.\n"
        "The council debated the new harbour fees for three hours on Tuesday night before the vote."
    )
    kept = text.split("\n")
    assert clean_text(text) == f"{kept[1]}\n{kept[3]}"


@pytest.mark.parametrize(
    "body",
    [
        "The 1,200 comments posted before 10:30 on Monday were removed by moderators, its owner wrote.",
        "Her 40 comments were removed at 10:30.",
    ],
)
def test_sentences_with_comment_counts_and_times_are_kept(body: str) -> None:
    text = f"The forum closed for a day.\n{body}\nIt reopened with new rules."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "body",
    [
        "Send a letter of complaint, the council told residents whose bins were missed.",
        "Contact: tracing teams reached 80 percent of the cases within a day.",
        "Amazon.com",
    ],
)
def test_news_opening_like_a_contact_line_is_kept(body: str) -> None:
    text = f"The week brought three announcements.\n{body}\nMore are expected in June."
    assert clean_text(text) == text
