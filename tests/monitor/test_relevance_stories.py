"""Relevance scoring and story grouping on the shipped sample's own pages."""

import tomllib

from monitor.demo import sample_dir
from monitor.extract import decode_html, extract_text
from monitor.relevance import score
from monitor.stories import THRESHOLD, StoryIndex, story_text, vectorize

OFF_TOPIC = {"harwick-town-cup-win", "storm-flooding-northgate", "council-budget-gap"}
WIRE = {"ashworth-vale-inspection", "prison-report-ashworth", "ashworth-vale-jail-damning-report"}


def _pages():
    root = sample_dir()
    manifest = tomllib.loads((root / "manifest.toml").read_text())
    out = {}
    for path in sorted(root.glob("*/news/*.html")):
        ctype = manifest["pages"].get(path.parent.parent.name, "text/html; charset=utf-8")
        html = decode_html(path.read_bytes(), {"content-type": ctype})
        title = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
        out[path.stem] = (title, extract_text(html).text)
    return out


def test_relevance_separates_the_sample_with_room_to_spare():
    pages = _pages()
    scores = {slug: score(title, text) for slug, (title, text) in pages.items()}
    assert max(scores[s].score for s in OFF_TOPIC) < 0.15
    assert min(r.score for s, r in scores.items() if s not in OFF_TOPIC) > 0.6
    why = scores["kelsham-disorder-sentences"].explain()
    assert (
        scores["kelsham-disorder-sentences"].score > 0.9 and "jailed ×4" in why and "police" in why
    )


def test_relevance_explains_and_caps_repetition():
    one = score("", "prison " * 3 + "word " * 200)
    many = score("", "prison " * 50 + "word " * 200)
    assert one.body_points == many.body_points == 9  # a repeated word counts three times at most
    assert score("Man jailed", "").headline_points == 3
    assert score("Cup final", "The team won the match.").score == 0.0


def test_wire_copies_join_one_story_and_nothing_else_does():
    pages = _pages()
    index = StoryIndex()
    assigned = {}
    for n, (slug, (title, text)) in enumerate(pages.items()):
        vec = vectorize([story_text(title, text)])
        story, sim = index.nearest(vec, len(text.split()))
        if story is None:
            story = 1000 + n
        else:
            assert sim >= THRESHOLD
        index.add(story, vec, len(text.split()))
        assigned[slug] = story
    assert len({assigned[s] for s in WIRE}) == 1
    others = [assigned[s] for s in assigned if s not in WIRE]
    assert len(set(others)) == len(others) and assigned[next(iter(WIRE))] not in others


def test_short_texts_need_a_near_identical_match():
    index = StoryIndex()
    short = "Man jailed for burglary at Harwick Crown Court"
    index.add(1, vectorize([short]), len(short.split()))
    assert index.nearest(vectorize([short]), 8)[0] == 1
    assert (
        index.nearest(vectorize(["Man jailed for robbery at Northgate Crown Court"]), 8)[0] is None
    )
    assert index.nearest(vectorize([""]), 0) == (None, 0.0)
