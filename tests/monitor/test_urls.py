from monitor.urls import normalize_title, normalize_url


def test_tracking_parameters_fragments_and_hosts_are_dropped():
    a = normalize_url(
        "https://www.bbc.com/news/articles/cq59xvdzjv7o?at_medium=RSS&at_campaign=rss"
    )
    b = normalize_url("https://www.bbc.com/news/articles/cq59xvdzjv7o#0")
    c = normalize_url(
        "http://BBC.com:80/news/articles/cq59xvdzjv7o/?utm_source=x&fbclid=1&gclid=2&ns_mchannel=a"
    )
    assert a == b == c == "https://bbc.com/news/articles/cq59xvdzjv7o"


def test_meaningful_query_parameters_survive_sorted():
    assert (
        normalize_url("https://x.example/a?page=2&id=7&utm_medium=e")
        == "https://x.example/a?id=7&page=2"
    )
    assert normalize_url("https://x.example/a?id=7") != normalize_url("https://x.example/a?id=8")


def test_non_default_port_is_identity():
    assert normalize_url("http://127.0.0.1:8080/a") != normalize_url("http://127.0.0.1:8081/a")


def test_non_http_strings_are_left_alone():
    assert normalize_url("tag:example.org,2026:1") == "tag:example.org,2026:1"
    assert normalize_url("  ") == ""
    assert normalize_url("http://[::1") == "http://[::1"  # unparsable, not a crash


def test_title_key_ignores_case_accents_and_punctuation():
    assert normalize_title("Prisoners’ release: “chaos”") == normalize_title(
        "prisoners release - CHAOS"
    )
    assert normalize_title("Café") == normalize_title("cafe")
    assert normalize_title("") == ""
