"""Name identity keys: generator/names.py."""
from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest

from generator.names import clean_spaces, fold, name_key, order_free, syllable_key

SCORER = Path(__file__).parent / "data" / "eval" / "score.py"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- name_key: spellings of one name meet ----------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Hoà", "Hòa"),                                   # old / new tone placement
        ("Thuỷ", "Thủy"),
        ("Uỷ", "Ủy"),
        ("Nguyễn Thị Thanh Hoà", "Nguyễn Thị Thanh Hòa"),
        ("Phạm Thu Thuỷ", "Phạm Thu Thủy"),
        ("Trần Văn Khoẻ", "Trần Văn Khỏe"),
        ("Lê Minh Tâm", nfd("Lê Minh Tâm")),              # NFD == NFC
        ("Hòa", nfd("Hoà")),                              # NFD with the other tone placement
        ("Lê\u00a0Minh Tâm", "Lê Minh Tâm"),              # no-break space
        ("Lê Minh\u202fTâm", "Lê Minh Tâm"),              # narrow no-break space
        ("Lê Mi\u200bnh Tâm", "Lê Minh Tâm"),             # zero-width space inside a word
        ("\ufeffLê Minh Tâm\u200d", "Lê Minh Tâm"),       # BOM / zero-width joiner
        ("Lê  Minh   Tâm", "Lê Minh Tâm"),                # double spaces
        (" Lê Minh Tâm\t", "Lê Minh Tâm"),                # surrounding whitespace
        ("LÊ MINH TÂM", "Lê Minh Tâm"),                   # case
        ("lê minh tâm", "Lê Minh Tâm"),
    ],
    ids=[
        "Hoà=Hòa", "Thuỷ=Thủy", "Uỷ=Ủy", "full-name-Hoà", "full-name-Thuỷ", "Khoẻ=Khỏe",
        "NFD=NFC", "NFD-other-placement", "nbsp", "narrow-nbsp", "zero-width-space",
        "bom-and-zwj", "double-spaces", "outer-whitespace", "upper-case", "lower-case",
    ],
)
def test_name_key_equal(a, b):
    assert name_key(a) == name_key(b)


# --- name_key: different names stay apart ---------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Thủy", "Thúy"),                  # hỏi vs sắc
        ("Lê Văn Thành", "Lê Văn Thanh"),  # huyền vs no tone
        ("Nguyễn Văn Bình", "Nguyễn Văn Bính"),
        ("Hòa", "Hóa"),
        ("Lê Minh Tâm", "Le Minh Tam"),    # vowel shapes and tones are part of the name
        ("Đặng Văn Hùng", "Dặng Văn Hùng"),  # đ is not d
        ("Thương", "Thường"),
        ("Suga Yoshihide", "Yoshihide Suga"),  # name_key keeps word order; order_free removes it
    ],
    ids=["Thủy!=Thúy", "Thành!=Thanh", "Bình!=Bính", "Hòa!=Hóa", "accents-matter",
         "đ!=d", "Thương!=Thường", "word-order-kept"],
)
def test_name_key_different(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_shape():
    # letters with their vowel shapes, plus one tone digit per syllable
    assert name_key("Nguyễn Xuân Phúc") == "nguyên4 xuân phuc1"
    assert name_key("Hoà") == "hoa2"
    assert name_key("Lê Văn Thanh") == "lê văn thanh"


def test_name_key_ignores_punctuation_between_syllables():
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")
    assert name_key("Nguyễn, Văn A.") == name_key("Nguyễn Văn A")


@pytest.mark.parametrize(
    "word, key",
    [("Hoà", "hoa2"), ("Hòa", "hoa2"), ("Thủy", "thuy3"), ("Thúy", "thuy1"), ("Đặng", "đăng5"),
     ("Nguyễn", "nguyên4"), ("Văn", "văn"), (nfd("Ủy"), "uy3")],
    ids=["Hoà", "Hòa", "Thủy", "Thúy", "Đặng-keeps-đ", "Nguyễn-ngã", "no-tone", "NFD-Ủy"],
)
def test_syllable_key(word, key):
    assert syllable_key(word) == key


# --- order_free ---------------------------------------------------------------------
def test_order_free_meets_reversed_names():
    assert order_free(name_key("Suga Yoshihide")) == order_free(name_key("Yoshihide Suga"))
    assert order_free(name_key("Moon Jae-in")) == order_free(name_key("Jae-in Moon"))


def test_order_free_keeps_different_names_apart():
    assert order_free(name_key("Suga Yoshihide")) != order_free(name_key("Kishida Fumio"))
    assert order_free(name_key("Thủy Lê")) != order_free(name_key("Thúy Lê"))


def test_order_free_sorts_words():
    assert order_free("suga yoshihide") == order_free("yoshihide suga") == "suga yoshihide"


# --- clean_spaces -------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Lê\u00a0Minh  Tâm", "Lê Minh Tâm"),
        ("  Lê\tMinh\nTâm  ", "Lê Minh Tâm"),
        ("Lê Mi\u200bnh\u2060 Tâm\u00ad", "Lê Minh Tâm"),
        (nfd("Thủ tướng"), "Thủ tướng"),
        ("", ""),
    ],
    ids=["nbsp-and-double", "tabs-newlines-outer", "invisible-chars", "nfd-to-nfc", "empty"],
)
def test_clean_spaces(raw, clean):
    out = clean_spaces(raw)
    assert out == clean
    assert unicodedata.is_normalized("NFC", out)


# --- fold: the scorer's key ---------------------------------------------------------
def test_fold_examples():
    assert fold("Lương  Tam Quang") == "luong tam quang"
    assert fold("Đ") == "d"
    assert fold("đ") == "d"
    assert fold("Đặng Thị Ngọc Thịnh") == "dang thi ngoc thinh"
    assert fold(nfd("Ủy ban")) == "uy ban"
    assert fold("Kim Jong-un") == "kim jong un"
    assert fold(None) == ""


def test_fold_is_accent_blind_unlike_name_key():
    assert fold("Thủy") == fold("Thúy")
    assert name_key("Thủy") != name_key("Thúy")


def _load_scorer():
    spec = importlib.util.spec_from_file_location("_score_for_test_names", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FOLD_SAMPLES = [
    "Lương  Tam Quang",
    "Đ",
    "Đặng Hoàng Giang",
    "Nguyễn\u00a0Thị\u200bThu Hà",
    nfd("Phạm Bình Minh"),
    "Kim Jong-un",
    "Bộ trưởng (Bộ Ngoại giao), Ngài Sergey Lavrov!",
    "Ủy viên Bộ Chính trị",
    "ÔNG TRẦN ĐẠI QUANG",
    "",
]


@pytest.mark.parametrize("text", FOLD_SAMPLES, ids=[f"sample{i}" for i in range(len(FOLD_SAMPLES))])
def test_fold_matches_scorer(text):
    scorer = _load_scorer()
    assert fold(text) == scorer.fold(text)
