"""Search finds pages from the words lay readers use: a query set run in Chromium."""
from generator.build.phases import check_project
from generator.build.project import Project
from generator.render.urls import all_doc_paths
from conftest import ROOT
from search_in_browser import QUERIES, ranked_pages, score

TARGET_RECALL_AT_3 = 0.95


def hosted_url(doc: str) -> str:
    return doc.removesuffix("index.md").removesuffix(".md") + ("/" if not
                                                               doc.endswith("index.md") else "")


def test_the_query_set_is_large_and_points_at_real_pages():
    content, _, _ = check_project(Project.at(ROOT))
    assert len(QUERIES) >= 40
    assert {case["expect"] for case in QUERIES} <= set(all_doc_paths(content))


def test_lay_words_find_the_right_page_on_the_hosted_site(page, site_url, capsys):
    content, _, _ = check_project(Project.at(ROOT))
    paths = all_doc_paths(content)
    page.goto(site_url)
    result = score(page, site_url, lambda page_id: hosted_url(paths[page_id]))
    with capsys.disabled():
        print(f"\nsearch (hosted): recall@3 {result.recall_at_3:.1%}, "
              f"MRR {result.mean_reciprocal_rank:.3f}, misses: {result.misses}")
    assert result.recall_at_3 >= TARGET_RECALL_AT_3, result.misses


NOTE = "() => { const note = document.getElementById('search-note'); " \
       "return note && !note.hidden ? note.textContent : null }"


def test_a_query_that_names_a_warning_sign_puts_the_red_flags_page_first(page, site_url):
    page.goto(site_url)
    # the last two: a sign's phrase that the thesaurus groups with others, and a word half typed
    for query in ("numb bum and can't pee", "my face is drooping", "leg gone white and cold",
                  "i fell off my bike and my knee is numb", "numb leg double vision",
                  "sudden weakn"):
        assert ranked_pages(page, query, site_url)[0] == "red-flags/", query
    # a sign's phrase is read as a query is: "cant feel" is "can't feel", one concept
    assert ranked_pages(page, "my legs went numb and now i cant feel when i need the toilet",
                        site_url)[0] == "red-flags/"
    assert ranked_pages(page, "fallen arches", site_url)[0] == "causes/flat-feet/"


def test_a_misspelt_word_is_replaced_by_the_nearest_and_the_page_says_so(page, site_url):
    page.goto(site_url)
    assert ranked_pages(page, "sciatcia", site_url)[0] == "causes/sciatica/"
    assert page.evaluate(NOTE) == "Showing results for sciatica"
    assert ranked_pages(page, "sciatica", site_url)[0] == "causes/sciatica/"
    assert page.evaluate(NOTE) is None


def test_a_misspelt_sign_is_still_a_sign(page, site_url):
    page.goto(site_url)
    # "blury" is no word of the pages but of the thesaurus, where "blurry vision" names a sign
    assert ranked_pages(page, "blury vision and numb leg", site_url)[0] == "red-flags/"
    assert page.evaluate(NOTE) == "Showing results for blurry vision numb leg"
    # "visit" is as near to "visin" as "vision", and commoner; the word of a sign wins
    assert ranked_pages(page, "sudden double visin", site_url)[0] == "red-flags/"
    assert page.evaluate(NOTE) == "Showing results for sudden double vision"
    # "hiking" is a word of the pages, as near as the sign's "hitting"
    assert ranked_pages(page, "numb legs after hiting my head", site_url)[0] == "red-flags/"
    assert page.evaluate(NOTE) == "Showing results for numb legs hitting head"


def test_a_sign_s_thesaurus_phrase_is_named_by_its_words_without_the_small_ones(page, site_url):
    page.goto(site_url)
    # "hitting my head" is a sign's phrase, of the thesaurus's head-injury group
    for query in ("numb leg after hitting head", "banged head now legs numb"):
        assert ranked_pages(page, query, site_url)[0] == "red-flags/", query
    # a phrase of the query counts by its group only: "fell asleep" is not "fell down"
    assert ranked_pages(page, "leg fell asleep sitting down", site_url)[0] != "red-flags/"


def test_a_broad_query_lists_the_first_pages_only_and_a_query_in_lunr_syntax_all(page, site_url):
    page.goto(site_url)
    # about 40 pages speak of a doctor: the reader is sent the first 20
    ranked_pages(page, "doctor", site_url)
    listed = page.inner_text(".md-search-result__meta")
    assert listed == "20 matching documents", listed
    ranked_pages(page, "doctor*", site_url, noted=False)
    listed = page.inner_text(".md-search-result__meta")
    assert int(listed.split()[0]) > 20, listed


def test_small_words_and_everyday_words_do_not_mislead(page, site_url):
    page.goto(site_url)
    assert ranked_pages(page, "do i need an mri", site_url)[0] == "diagnosis/"
    assert ranked_pages(page, "when should i call an ambulance", site_url)[0] == "red-flags/"
    assert ranked_pages(page, "sugar", site_url)[0] == "causes/diabetes/"
    # "now" says when, not what: the warning signs, which say "now" often, are not first
    assert ranked_pages(page, "caught a chill and now my back and legs are numb",
                        site_url)[0] == "causes/getting-chilled/"
    # nor do words of how often: "keep" and "all the time"
    ranked = ranked_pages(page, "legs keep giving out", site_url)
    assert ranked[0] == "red-flags/" and "situations/with-weakness/" in ranked[:3], ranked
    assert ranked_pages(page, "pins and needles in my toes all the time",
                        site_url)[0] == "locations/toes/"


def test_a_page_s_lay_names_show_once_and_still_count_for_its_sections(page, site_url):
    page.goto(site_url)
    # "hairdresser" is one of the lay names (tags) of the standing page, and in none of its text
    assert ranked_pages(page, "hairdresser", site_url)[0] == "causes/prolonged-standing/"
    first = page.locator(".md-search-result__item").first
    links = first.locator("a.md-search-result__link")
    assert links.count() > 1  # its sections are found by the page's lay names too
    assert first.locator("a.md-search-result__link").first.locator(".md-tag").count() > 0
    assert first.locator("a.md-search-result__link[href*='#'] .md-tag").count() == 0
