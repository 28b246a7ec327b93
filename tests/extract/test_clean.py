"""Page clean-up, table-driven: what is page furniture, what is content; offsets never move."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_text
from checker.extract.clean import Block, classify_lines, content_blocks
from checker.extract.clean_lines import is_headline
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from checker.textutil import LineIndex

NEWS_PAGE = Path(__file__).parent / "data" / "news_page.txt"

# (line, kind, reason) for a line seen on its own
LINES: list[tuple[str, str, str]] = [
    ("Share", "boilerplate", "ui"),
    ("Tweet", "boilerplate", "ui"),
    ("Total", "boilerplate", "ui"),
    ("Subscribe", "boilerplate", "ui"),
    ("Comments", "boilerplate", "ui"),
    ("Read More", "boilerplate", "ui"),
    ("Previous Article", "boilerplate", "ui"),
    ("Select Language:", "boilerplate", "ui"),
    ("Input your search keywords and press Enter.", "boilerplate", "ui"),
    ("Explore Computerworld Sites Globally", "boilerplate", "ui"),
    ("    Watch more at LTD", "boilerplate", "ui"),
    ("0", "boilerplate", "counter"),
    ("--------------", "boilerplate", "separator"),
    ("https://www.scmp.com/news/china/article/3302515/china-supplied-81-pakistans-arms",
     "boilerplate", "url"),
    ("CW Media & all its sub-brands are copyrighted to SPIN-IDG Wakhan Media Inc. "
     "\u00a9\ufe0f1995-2025. Read Privacy Policy.", "boilerplate", "footer"),
    ("He is the Editor-in-Chief at ProPakistani. Reach out at aadil.s[at]",
     "boilerplate", "bio"),
    ("Source: DailyTimes", "boilerplate", "byline"),
    # Markdown pages: emphasised share bars and lists of links
    ("**Share this article** | [Tweet](https://twitter.com/intent/tweet) | [Email](mailto:)",
     "boilerplate", "ui"),
    ("* [Spring Budget 2023: what it means for you](https://example.com/budget-2023)",
     "boilerplate", "links"),
    ("[Tweet](https://t.co/x) | [Facebook](https://fb.com/x)", "boilerplate", "links"),
    ("According to [the OBR](https://obr.uk), growth will be 0.8% this year.", "content", ""),
    ("Source: SIPRI Military Expenditure Database, April 2024.", "boilerplate", "byline"),
    # a list of figures is content, though its lines end without a full stop
    ("* Russia: $109 billion, up 24%", "content", ""),
    ("  \u2022 Pakistan: $8.5 billion, down 13%", "content", ""),
    ("- Unemployment: 4.2 per cent in March", "content", ""),
    ("* Comments: 12 readers, 3 replies", "boilerplate", "nav"),
    ("* Most read: 5 ways to save on tax", "heading", "summary-bullet"),
    # a count at a time is a figure of the list (desk probe C: a summary bullet)
    ("- 612 stores at the end of the quarter", "content", ""),
    ("- 3,200 employees as of 30 June", "content", ""),
    ("- 41 branches in 2025, down from 44", "content", ""),
    ("* 5 ways to save on tax this year", "heading", "summary-bullet"),
    ("By Thomas G. Tsao is co-founder and chairman of Gobi Partners, an Asia-focused venture "
     "capital firm", "boilerplate", "byline"),
    ("  \u2022 April 25, 2025", "boilerplate", "dateline"),
    ("  \u2022 Digital Pakistan", "boilerplate", "nav"),
    ("  \u2022 Ltd feature videos", "boilerplate", "nav"),
    ("Pakistan And China\u2019s GalaxySpace Explore Space Tech Collaboration and Investment",
     "heading", "headline"),
    ("China ready to strengthen space ties as Pakistani astronaut prepares for Tiangong "
     "mission", "heading", "unpunctuated"),
    ("- STZA pavilion backed by SIFC highlights shift from tech services to manufacturing",
     "heading", "summary-bullet"),
    ("Prime Minister Shehbaz Sharif held a high-level meeting in Islamabad.", "content", ""),
    ("  \u2022 Correction: China is NOT a member of the International Space Station.",
     "content", ""),
    ("India's arms imports mainly from Russia, France and Israel.", "content", ""),
    ("Skip to main content", "boilerplate", "ui"),
    ("Updated: 10:45 GMT, March 5, 2024", "boilerplate", "dateline"),
    # a desk probe's research page: kept as claims
    ("Published online June 12, 2025.", "boilerplate", "dateline"),
    ("Photo caption: The Vega-C rocket carrying Kestrel-1 lifts off.", "boilerplate", "ui"),
    ("Published studies show 12% of adults take vitamin D.", "content", ""),
    ("5 min read", "boilerplate", "ui"),
    ("Listen to this article", "boilerplate", "ui"),
    ("(Reporting by Jane Doe; Editing by John Smith)", "boilerplate", "byline"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "boilerplate", "footer"),
    ("We use cookies to improve your experience on our site. By continuing to browse, you "
     "agree to our use of cookies.", "boilerplate", "footer"),
    ("This article was originally published on Reuters.com.", "boilerplate", "footer"),
    ("Privacy Policy | Terms of Use", "boilerplate", "footer"),
    # news that merely mentions footer words
    ("Girl Scouts sold 200 million boxes of cookies in 2023.", "content", ""),
    ("Meta changed its privacy policy in 2024 after a court ruling in Brussels.", "content",
     ""),
    # a desk probe of 22 scraped news pages: furniture that was drafted as claims
    ("We and our 214 partners use cookies to store and access information on your device. "
     "Accept all | Reject all | Manage privacy settings", "boilerplate", "footer"),
    ("This website stores cookies on your computer.", "boilerplate", "footer"),
    ("Accept all | Reject all | Manage privacy settings", "boilerplate", "menu"),
    ("e-Paper | Subscribe | Sign in", "boilerplate", "menu"),
    ("Menu \u00b7 Newsletter \u00b7 Donate", "boilerplate", "menu"),
    ("Associated Press writer Karel Janicek contributed to this report.", "boilerplate",
     "byline"),
    ("Jane Doe contributed reporting from Kyiv.", "boilerplate", "byline"),
    ("Reporting by James Okafor; Editing by Helen Marsh.", "boilerplate", "byline"),
    ("Additional reporting by Ruma Paul in Dhaka.", "boilerplate", "byline"),
    ("(Except for the headline, this story has not been edited by NDTV staff and is "
     "published from a syndicated feed.)", "boilerplate", "footer"),
    ("This content is auto-generated from a syndicated feed.", "boilerplate", "footer"),
    ("Citable reference: World Health Organization (11 September 2026). Disease Outbreak "
     "News; Dengue \u2013 Bangladesh.", "boilerplate", "citation"),
    ("Suggested citation: Rahman A. (2024). Dengue in South Asia. Lancet 12: 44-51.",
     "boilerplate", "citation"),
    # a journal page's authors, affiliations and references, a market page's notice and a
    # site's note on its funding (desk probe L)
    ("Ingrid Halvorsen, MD, PhD (1); Tomasz Wrzesniak, MSc (2); Daniel P. Castellano, MD (2)",
     "boilerplate", "scholarly"),
    ("Halvorsen I (1,3), Wrzesniak T (2), Castellano DP (2)", "boilerplate", "scholarly"),
    ("(1) Department of Cardiology, University of Nordvik, Nordvik, Norway; (2) Institute of "
     "Occupational Health, Krakow, Poland", "boilerplate", "scholarly"),
    ("1. Smith J, Patel R, Ng L. Shift work and heart rhythm in the UK Biobank. Eur Heart J "
     "2019; 40: 1123-31.", "boilerplate", "scholarly"),
    ("Lindqvist A, Berg M. Night work and arrhythmia. Scand J Work 2021;47(2):88-97.",
     "boilerplate", "scholarly"),
    ("Okafor B. Heat and sleep. Sleep Med. 2020. doi:10.1016/j.sleep.2020.01.004",
     "boilerplate", "scholarly"),
    ("All quotes delayed a minimum of 15 minutes.", "boilerplate", "footer"),
    # whom to call (desk probe M: claims, their numbers counts)
    ("Customers can call the Heatwell recall line free on 0800 046 7712 between 8am and "
     "8pm, seven days a week.", "boilerplate", "contact"),
    ("For the latest warnings, visit metoffice.gov.uk or call the council on 01632 960 455.",
     "boilerplate", "contact"),
    ("Calls to the 0800 046 7712 line rose 40% in May, the company said.", "content", ""),
    ("EarthDesk News is funded by readers.", "boilerplate", "footer"),
    # news that looks like them
    ("Smith, 45, and Jones, 52, were charged on Monday.", "content", ""),
    ("The institute said 1,204 of 12,047 nurses (10%) developed the condition in 2019.",
     "content", ""),
    ("The ministry said the figures were delayed by two weeks.", "content", ""),
    ("Regulators said 40 websites used tracking cookies without consent in 2024.", "content",
     ""),
    ("If you eat cookies every day, your risk of diabetes rises by 20%, the study found.",
     "content", ""),
    ("The company contributed $5 million to the relief fund.", "content", ""),
    ("By 2030, reporting by companies will be mandatory under the EU directive.", "content",
     ""),
    ("Reference rates rose 0.25% on Thursday.", "content", ""),
    ("Exports rose 5% \u00b7 imports fell 2% \u00b7 the deficit narrowed", "heading",
     "unpunctuated"),
    ("", "blank", ""),
    ("   ", "blank", ""),
]


@pytest.mark.parametrize(("line", "kind", "reason"), LINES, ids=[r[0][:40] for r in LINES])
def test_line(line: str, kind: str, reason: str) -> None:
    [block] = classify_lines(line)
    assert (block.kind, block.reason) == (kind, reason)


def _kinds(text: str) -> list[tuple[str, str, str]]:
    return [(text[b.start:b.end].strip(), b.kind, b.reason) for b in classify_lines(text)
            if b.kind != "blank"]


def test_related_links_list_ends_at_prose() -> None:
    text = (
        "Related Links:\n"
        "Pakistani Military Launches Defense AI Program\n"
        "Is Pakistan Ready for the AI Revolution?\n"
        "Riaz Haq's Youtube Channel\n"
        "China's semiconductor foundry company SMIC achieved record quarterly performance.\n"
    )
    kinds = _kinds(text)
    assert [k[2] for k in kinds[1:4]] == ["related-link"] * 3
    assert kinds[4][1] == "content"


def test_trending_headlines_with_dates_are_related_links() -> None:
    text = (
        "Trending Posts\n"
        "  \u2022 92 News Unveils Pakistan\u2019s First AI News Anchor Delivering Bulletins\n"
        "    \u2022 May 31, 2025\n"
        "Pakistan\u2019s Freelance Sector Generates $1.65 Billion Amid Push for Inclusion\n"
    )
    assert [k[1] for k in _kinds(text)] == ["boilerplate"] * 4


def test_about_box_is_the_publishers_blurb() -> None:
    text = (
        "about\n"
        "CWPK Legacy\n"
        "Launched in 1967 internationally, ComputerWorld is the oldest tech magazine in the "
        "world. In Pakistan, ComputerWorld was launched in 1995.\n"
        "Read more\n"
        "Prime Minister Shehbaz Sharif held a meeting in Islamabad with a delegation today.\n"
    )
    kinds = _kinds(text)
    assert [k[2] for k in kinds[:3]] == ["ui", "about-box", "about-box"]
    assert kinds[-1][1] == "content"


def test_a_release_about_box_headed_by_the_company_name() -> None:
    # desk probe Q5: the box under "About Thornbury Instruments" leaked a claim; the box ends
    # at the page's furniture
    text = (
        "The annual general meeting will be held on 28 January 2027.\n"
        "\n"
        "About Thornbury Instruments\n"
        "Thornbury Instruments plc designs and makes precision sensors and test equipment.\n"
        "Founded in 1962 and headquartered in Bristol, it is listed on the London Stock "
        "Exchange.\n"
        "(c) 2026 Thornbury Instruments plc\n"
        "About 58,000 working days were lost to labour disputes in September.\n"
    )
    kinds = _kinds(text)
    assert kinds[0][1] == "content"
    assert [k[2] for k in kinds[1:4]] == ["about-box"] * 3
    assert kinds[-1][1] == "content"  # "About 58,000" heads no box


@pytest.mark.parametrize("line", [
    "(Adds economist comment, market reaction in paragraphs 9-11)",
    "(Updates with closing prices)",
    "(Recasts with minister's comments, adds details)",
])
def test_a_wire_stories_version_tag(line: str) -> None:
    assert _kinds(f"{line}\n") == [(line, "boilerplate", "wire-tag")]


def test_a_title_case_line_in_a_run_of_short_sentences_is_content() -> None:
    text = (
        "India's arms imports mainly from Russia, France and Israel.\n"
        "Ukraine's from US, Germany and Poland.\n"
        "Pakistan's from China, Netherlands and Turkey\n"
    )
    assert [k[1] for k in _kinds(text)] == ["content"] * 3


def test_offsets_never_move_and_cover_every_line() -> None:
    text = "Title Line Here\r\nFirst sentence of the body.\n\n  \u2022 Share\nLast line."
    blocks = classify_lines(text)
    assert [text[b.start:b.end] for b in blocks] == text.replace("\r\n", "\n").split("\n")
    assert all(b.start <= b.end for b in blocks)


def test_content_blocks_keep_original_offsets() -> None:
    text = "Share\nThe rover will land at the\nlunar south pole in 2028.\nTweet\n"
    [block] = content_blocks(text)
    assert block == Block(6, 58, "content", "paragraph")
    assert text[block.start:block.end] == "The rover will land at the\nlunar south pole in 2028."


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Growing China-Pakistan Space Cooperation", True),
     ("Pakistan Approves Rs. 3.3 Billion National Center for Quantum Computing", True),
     ("China is a member of the International Space Station.", False),
     ("the quick brown fox", False)],
)
def test_is_headline(text: str, expected: bool) -> None:
    assert is_headline(text) is expected


def test_a_scraped_news_page_yields_only_article_claims(ruleset: RuleSet) -> None:
    # Not a seed: a wire story wrapped in menus, stamps, credits, related links and footers.
    text = NEWS_PAGE.read_text(encoding="utf-8")
    claims = extract_text(text, "page", ruleset.lexicon, DocumentMeta(published="2024-03-05"))
    lines = {c.line for c in claims.claims}
    assert {11, 13, 14} <= lines  # the rate rise, the forecast cut, the remittances
    assert lines <= {11, 12, 13, 14, 15}  # the article body and nothing else


def test_a_bulleted_list_of_figures_gives_one_claim_a_line(ruleset: RuleSet) -> None:
    text = ("Key figures: world military spending, 2023\n\n"
            "* United States: $916 billion (37% of the world total)\n"
            "* Russia: $109 billion, up 24%\n"
            "* Ukraine: $64.8bn, 37% of GDP\n"
            "  \u2022 Pakistan: $8.5 billion, down 13%\n\n"
            "Source: SIPRI Military Expenditure Database, April 2024.\n")
    claims = extract_text(text, "figures", ruleset.lexicon).claims
    assert [c.line for c in claims] == [3, 4, 5, 6]
    assert [c.quantities[0].value for c in claims] == [916e9, 109e9, 64.8e9, 8.5e9]


def test_a_wrapped_line_may_start_with_a_figure() -> None:
    text = ("Officials familiar with the matter said so on Monday. The deal, worth an estimated\n"
            "$4.5 billion, would make Pakistan the first foreign buyer of the J-35.\n\n"
            "Key figures\n"
            "$4.5 billion for 40 jets.\n")
    blocks = [text[b.start:b.end] for b in content_blocks(text)]
    assert blocks[0].endswith("first foreign buyer of the J-35.") and "\n$4.5" in blocks[0]
    assert blocks[-1] == "$4.5 billion for 40 jets."  # a short title is not running text
    headline = ("Pakistan and China sign a space cooperation agreement in Beijing\n"
                "12 satellites will be built under the agreement by 2030.\n")
    assert [headline[b.start:b.end] for b in content_blocks(headline)] == [
        "12 satellites will be built under the agreement by 2030."]  # a title is no line


def test_headlines_under_a_list_marker_are_other_articles(ruleset: RuleSet) -> None:
    text = ("China and Pakistan signed a space pact on Monday. The deal covers satellites "
            "and a lunar rover to be launched by 2028.\n\n"
            "More from Science\n\n"
            "Scientists Find Water Ice on the Far Side of the Moon\n"
            "NASA delays its Artemis mission to 2026.\n\n"
            "Related articles\n"
            "Pakistan launches its first lunar satellite\n")
    claims = extract_text(text, "page", ruleset.lexicon).claims
    assert {c.line for c in claims} == {1}


def test_a_name_broken_by_the_wrap_joins_its_lines() -> None:
    """A CI probe: "... a member of the International" / "Space Station and ..." were two
    sentences, and the false statement escaped its fact rule."""
    text = ("Some intro text here about space.\nChina is a member of the International\n"
            "Space Station and has a wide network of global satellites.\n")
    assert [text[b.start:b.end] for b in content_blocks(text)] == [
        "Some intro text here about space.",
        "China is a member of the International\nSpace Station and has a wide network of "
        "global satellites."]
    # a title over its story stays apart
    titled = "Pakistan and China Sign Space Pact\nBeijing said on Monday the pact was signed.\n"
    assert all("Pact\nBeijing" not in titled[b.start:b.end] for b in content_blocks(titled))


@pytest.mark.parametrize("tail", ['<a href="/more">Read more</a>', "<script>x</script>"])
def test_a_sentence_with_leftover_html_is_still_drafted(ruleset: RuleSet, tail: str) -> None:
    """A probe: a line ending in a tag had no full stop at its end, so it was taken for a
    title and its sentence never drafted. The tags are furniture; offsets stay exact."""
    sentence = "China is a member of the International Space Station."
    text = f"Some intro text here about space.\n{sentence} {tail}\nMore text follows here.\n"
    [claim] = [c for c in extract_text(text, "page", ruleset.lexicon).claims
               if "Station" in c.text]
    assert claim.text == sentence and text[claim.span[0]:claim.span[1]] == sentence
    assert claim.line == 2
    kinds = [(text[b.start:b.end], b.kind, b.reason) for b in classify_lines(text)]
    assert kinds[1:3] == [(f"{sentence} ", "content", ""), (tail, "boilerplate", "markup")]


def test_tags_inside_a_sentence_or_without_one_are_left_as_they_were() -> None:
    inline = "China is a <b>member</b> of the International Space Station."
    assert [(b.start, b.end, b.kind) for b in classify_lines(inline)] == [
        (0, len(inline), "content")]
    link = '<a href="/">Home</a>'
    assert [(b.start, b.end) for b in classify_lines(link)] == [(0, len(link))]
    wrapped = "<p>China is a member of the International Space Station.</p>"
    assert [wrapped[b.start:b.end] for b in content_blocks(wrapped)] == [wrapped[3:-4]]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_old_mac_line_breaks_split_paragraphs(ruleset: RuleSet, newline: str) -> None:
    """A probe: with a lone "\\r" (old Mac files) the page was one line, and the first claim
    began with the title above it ("Old Mac text\\r\\rChina is ...")."""
    text = newline.join(["Old Mac text", "", "China is a member of the International Space "
                         "Station.", "", "Pakistan launched a satellite in 2024.", ""])
    lines = LineIndex(text)
    assert [(b.start, b.end) for b in classify_lines(text)] == [
        lines.line_span(k) for k in range(1, lines.lines + 1)]
    claims = extract_text(text, "mac", ruleset.lexicon).claims
    assert [(c.text.split()[0], c.line) for c in claims] == [("China", 3), ("Pakistan", 5)]
    assert all(lines.line_of(c.span[0]) == c.line for c in claims)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_lone_cr_starts_a_line_for_names_too(ruleset: RuleSet, newline: str) -> None:
    # A capital after a line break of a wrapped paragraph says nothing of a name, whatever
    # the break: after a lone "\r" "Operating" was taken for one.
    text = (f"Some news today.{newline}{newline}Officials said the costs of the programme "
            f"rose by a third and{newline}Operating budgets fell by 5 billion dollars in 2024.")
    [claim] = extract_text(text, "d", ruleset.lexicon).claims
    assert claim.line == 3 and claim.entities == []


# (text, the content blocks): a headline over its story stays apart, wrapped lines join
# (a desk probe: "Turnout rebounds as Unity holds on" opened the story's first claim)
HEADLINES_AND_WRAPS: list[tuple[str, list[str]]] = [
    ("Turnout rebounds as Unity holds on\nRIGA - Turnout in Latvia's election was 64.9%, "
     "the commission said.\n",
     ["RIGA - Turnout in Latvia's election was 64.9%, the commission said."]),
    ("Cholera toll rises in the\nLUSAKA, March 10 (Global Wire) - Forty-eight people have "
     "died, the ministry said.\n",
     ["LUSAKA, March 10 (Global Wire) - Forty-eight people have died, the ministry said."]),
    ("Turnout rebounds as Unity holds on\nTurnout in Latvia's election was 64.9%, the "
     "commission said.\n",
     ["Turnout in Latvia's election was 64.9%, the commission said."]),
    # a wrap at a narrow width, the next word too long for the line above: one sentence
    ("The minister met officials from the\nEuropean Commission on Monday.\n",
     ["The minister met officials from the\nEuropean Commission on Monday."]),
    ("Officials said the ministry would hold talks on\nMonday with the unions.\n",
     ["Officials said the ministry would hold talks on\nMonday with the unions."]),
    ("Turnout in the parliamentary election was up sharply in the\nRIGA region, "
     "officials said.\n",
     ["Turnout in the parliamentary election was up sharply in the\nRIGA region, "
      "officials said."]),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES_AND_WRAPS,
                         ids=[r[0][:30] for r in HEADLINES_AND_WRAPS])
def test_a_headline_or_a_dateline_ends_the_line_above(text: str, expected: list[str]) -> None:
    assert [text[b.start:b.end] for b in content_blocks(text)] == expected


def test_menu_marks_are_the_separators_marks() -> None:
    """is_menu counts the marks before splitting: they must be the separator's class."""
    from checker.extract import clean_words as cw
    from checker.extract.clean_lines import MENU_MARKS, is_menu

    separators = {c for c in map(chr, range(0x10000)) if cw.MENU_SPLIT_RE.fullmatch(f" {c} ")}
    assert separators == set(MENU_MARKS)
    for mark in MENU_MARKS:
        assert is_menu(f"News {mark} Sport {mark} Weather")
        assert not is_menu(f"News {mark} Sport")


@pytest.mark.parametrize("line", [
    # news lines of the shapes of a journal's front and back matter (a review: each was
    # dropped whole, its claims with it)
    '"We need more nurses," said Jane Smith, MD, PhD, a cardiologist at the Mayo Clinic.',
    "Flooding hit Hattiesburg, MS, and Gulfport, MS, on Tuesday, killing 3 people.",
    "Jason Smith (32), of Main Street, Naas, and Mark Byrne (28), of Newbridge, were each "
    "fined 500 euro.",
    "Seats won: Labour (12), Conservatives (8), Liberal Democrats (3)",
    "Scorers: Kane (12), Saka (45), Rice (78)",
    "1. University of Oxford, UK, scored 98.5 points in the ranking.",
    "The study, published in Nature (doi:10.1038/s41586-024-0001), found that 40% of coral "
    "reefs had bleached.",
    "The findings, reported in The Lancet (2024; 403: 1021), covered 12,000 patients.",
    "All market data delayed by 15 minutes caused 300 erroneous trades, the exchange said.",
    "The Guardian is funded by readers, and reported a loss of 10 million pounds last year.",
])
def test_news_in_the_shape_of_front_or_back_matter_is_kept(line: str) -> None:
    [block] = classify_lines(line)
    assert block.reason not in ("scholarly", "footer")
