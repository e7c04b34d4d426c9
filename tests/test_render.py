"""Themes: the default theme, a user's theme overriding single files, template errors."""
from __future__ import annotations

import pytest

from generator.build import build
from generator.config import SiteConfig
from generator.i18n import Interface
from generator.site.render import Renderer, ThemeError, theme_dirs
from generator.urls import BaseURL

ARTICLE = (" date 2024-05-10 Bộ trưởng tiếp Đại sứ\n\n"
           "Chiều 9/5, tại Hà Nội, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an đã tiếp ngài Hans Müller, "
           "Đại sứ Đức tại Việt Nam.\n")


def _config(root, content, theme="default", language="vi"):
    return SiteConfig(content_dir=content, output_dir=root / "site", theme=theme, language=language, root=root)


def test_default_theme_is_found_without_a_project_theme_folder(tmp_path):
    dirs = theme_dirs("default", tmp_path)
    assert dirs and (dirs[0] / "templates" / "base.html").is_file()


def test_unknown_theme_is_an_error_naming_the_folder(tmp_path):
    with pytest.raises(ThemeError, match="theme 'nope' not found"):
        theme_dirs("nope", tmp_path)


def test_a_user_theme_overrides_single_templates_and_static_files(make_content, tmp_path):
    content = make_content({"a.txt": ARTICLE})
    theme = tmp_path / "themes" / "mine"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "templates" / "official.html").write_text(
        '{% extends "base.html" %}{% block main %}<p class="mine">{{ official.name }}</p>{% endblock %}',
        encoding="utf-8")
    (theme / "static" / "extra.css").write_text("p{}", encoding="utf-8")
    result = build(_config(tmp_path, content, theme="mine"))
    assert result.ok
    site = tmp_path / "site"
    official = (site / "officials/hans-muller/index.html").read_text(encoding="utf-8")
    assert '<p class="mine">Hans Müller</p>' in official
    assert "static/style.css" in official                       # base.html still comes from the default theme
    event = next((site / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<h1>" in event                                       # untouched templates are the default ones
    assert (site / "static/extra.css").is_file() and (site / "static/style.css").is_file()


def test_a_broken_template_writes_nothing_and_names_the_file(make_content, tmp_path):
    content = make_content({"a.txt": ARTICLE})
    assert build(_config(tmp_path, content)).ok
    site = tmp_path / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    theme = tmp_path / "themes" / "broken" / "templates"
    theme.mkdir(parents=True)
    (theme / "event.html").write_text('{% extends "base.html" %}{% block main %}{{ nope.x }{% endblock %}',
                                      encoding="utf-8")
    (content / "b.txt").write_text(ARTICLE.replace("9/5", "8/5"), encoding="utf-8")
    result = build(_config(tmp_path, content, theme="broken"))
    assert not result.ok
    error = [d for d in result.diagnostics if d.level == "error"][0]
    assert "event.html" in str(error)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before   # the last good site stays


def test_an_undefined_variable_is_an_error_not_an_empty_string(make_content, tmp_path):
    content = make_content({"a.txt": ARTICLE})
    theme = tmp_path / "themes" / "typo" / "templates"
    theme.mkdir(parents=True)
    (theme / "home.html").write_text('{% extends "base.html" %}{% block main %}{{ totl }}{% endblock %}',
                                     encoding="utf-8")
    result = build(_config(tmp_path, content, theme="typo"))
    assert not result.ok and "home.html" in str(result.diagnostics[-1]) and "totl" in str(result.diagnostics[-1])


@pytest.mark.parametrize("language,lang,words", [("vi", 'lang="vi"', "Dòng thời gian"), ("en", 'lang="en"', "Chronology")])
def test_interface_language_sets_lang_and_words(make_content, tmp_path, language, lang, words):
    content = make_content({"a.txt": ARTICLE})
    assert build(_config(tmp_path, content, language=language)).ok
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<html {lang}>" in home and words in home


def test_asset_links_carry_a_content_version(tmp_path):
    r = Renderer("default", tmp_path, Interface("vi"), BaseURL.parse("/"), "T")
    from generator.model import Page
    html = r.render_page(Page("events/x/", "home.html", "T", "# x"), [2024])
    assert 'href="../../static/style.css?v=' in html
