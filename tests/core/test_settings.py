from pathlib import Path

import pytest

from core.errors import FramewatchError
from core.paths import default_db_path
from core.settings import load_settings


def test_defaults_live_in_user_dirs(tmp_path):
    s = load_settings()
    assert s.config_path is None
    assert s.db_path == default_db_path()
    assert str(tmp_path / "xdg-data") in str(s.db_path)


def test_file_flags_and_env_override_in_order(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[database]\npath = "from-file.sqlite3"\n'
        "[monitor]\nmin_host_interval = 2.5\nallow_private_addresses = false\n"
        '[lexicon]\ndisable = ["prisoner"]\nextra_files = ["org.yaml"]\n'
        '[lexicon.severity]\ninmate = "medium"\n'
    )
    s = load_settings(cfg)
    assert s.monitor.min_host_interval == 2.5
    assert s.db_path == Path("from-file.sqlite3")
    assert s.lexicon.disable == ("prisoner",)
    assert s.lexicon.extra_files == (str(tmp_path / "org.yaml"),)
    assert s.lexicon.severity == {"inmate": "medium"}
    monkeypatch.setenv("FRAMEWATCH_MIN_HOST_INTERVAL", "0")
    monkeypatch.setenv("FRAMEWATCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("FRAMEWATCH_DB", str(tmp_path / "env.sqlite3"))
    s = load_settings(cfg)
    assert s.monitor.min_host_interval == 0.0
    assert s.monitor.allow_private_addresses is True
    assert s.db_path == tmp_path / "env.sqlite3"
    assert load_settings(cfg, db=tmp_path / "flag.sqlite3").db_path == tmp_path / "flag.sqlite3"


@pytest.mark.parametrize(
    "body, message",
    [
        ("[monitor]\nbogus = 1\n", "unknown setting [monitor] bogus"),
        ("[monitor]\nmin_host_interval = 'soon'\n", "must be a number"),
        ("[nonsense]\n", "unknown section"),
        ("this is = not toml =", "invalid TOML"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path, body, message):
    cfg = tmp_path / "c.toml"
    cfg.write_text(body)
    with pytest.raises(FramewatchError) as err:
        load_settings(cfg)
    assert message in str(err.value)
    assert str(cfg) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(FramewatchError, match="config file not found"):
        load_settings(tmp_path / "nope.toml")


def test_every_toml_example_in_the_readme_loads(tmp_path):
    """The documented config keys are the real ones (and the keymap ids exist)."""
    import re

    from tui.bindings import check_keymap

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    keymaps = []
    for i, block in enumerate(blocks):
        cfg = tmp_path / f"readme{i}.toml"
        cfg.write_text(block, encoding="utf-8")
        s = load_settings(config=cfg)
        keymaps.append(check_keymap(s.ui.keymap, str(cfg)))
    assert {"accept": "y"} in keymaps


def test_database_url_from_the_file_env_or_flag_stays_a_url(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[database]\nurl = "postgresql://sam:pw@db.example/team"\n')
    s = load_settings(cfg)
    assert s.db_path == "postgresql://sam:pw@db.example/team"  # not a Path: "//" would fold
    monkeypatch.setenv("FRAMEWATCH_DB", "postgresql://env@db.example/team")
    assert load_settings(cfg).db_path == "postgresql://env@db.example/team"
    assert load_settings(cfg, db=str(tmp_path / "f.sqlite3")).db_path == tmp_path / "f.sqlite3"
    cfg.write_text('[database]\nurl = "team.sqlite3"\n')
    monkeypatch.delenv("FRAMEWATCH_DB")
    assert load_settings(cfg).db_path == Path("team.sqlite3")


@pytest.mark.parametrize(
    "body, message",
    [
        ('[database]\nhost = "x"\n', "unknown setting [database] host"),
        ('[database]\nurl = "a"\npath = "b"\n', "both url and path"),
        ("[database]\nurl = 5\n", "[database] url must be"),
    ],
)
def test_bad_database_setting_is_one_line(tmp_path, body, message):
    cfg = tmp_path / "c.toml"
    cfg.write_text(body)
    with pytest.raises(FramewatchError) as err:
        load_settings(cfg)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_learning_settings_are_read_and_checked(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[learning]\nfold_threshold = 0.9\nretrain_every = 10\n")
    s = load_settings(cfg)
    assert (s.learning.fold_threshold, s.learning.retrain_every, s.learning.min_decisions) == (
        0.9,
        10,
        30,
    )
    cfg.write_text("[learning]\nfold_threshold = 0.2\n")
    with pytest.raises(FramewatchError, match=r"\[learning\] fold_threshold must be between"):
        load_settings(cfg)
    cfg.write_text("[learning]\nfold = 0.9\n")
    with pytest.raises(FramewatchError, match=r"unknown setting \[learning\] fold"):
        load_settings(cfg)
