"""Tests for corroborate.text: how words are counted in scripts written with and without
spaces, and where a headline or sentence may start in a script without capitals. Invented
sentences."""

import pytest

from corroborate.text import (
    capital_or_caseless,
    lower_case,
    word_count,
    written_in_latin,
    written_unspaced,
)

# Korean is written with a space after each word (eojeol): 11 words, 28 syllables.
KOREAN = "서울시는 다음 달부터 새 버스 노선 세 개를 운행한다고 월요일 밝혔다."


def test_a_korean_sentence_counts_its_spaced_words() -> None:
    assert word_count(KOREAN) == len(KOREAN.split()) == 11
    assert not written_unspaced(KOREAN)


@pytest.mark.parametrize(
    "text",
    [
        "市政府周二宣布三条新公交线路将于下月开通",  # Chinese
        "市は新しいバス路線を来月から運行すると発表した",  # Japanese
        "รัฐบาลประกาศเปิดสะพานใหม่ข้ามแม่น้ำในเดือนหน้า",  # Thai
        "ລັດຖະບານປະກາດເປີດຂົວໃໝ່ໃນເດືອນໜ້າ",  # Lao
        "រដ្ឋាភិបាលប្រកាសបើកស្ពានថ្មីនៅខែក្រោយ",  # Khmer
        "အစိုးရကတံတားအသစ်ကိုလာမည့်လတွင်ဖွင့်မည်",  # Burmese
    ],
)
def test_a_script_without_spaces_between_words_counts_two_letters_a_word(text: str) -> None:
    assert written_unspaced(text)
    assert word_count(text) == len(text) // 2 > 1


def test_thai_spaces_between_phrases_do_not_make_it_a_spaced_script() -> None:
    """Thai puts a space between phrases, not words: its letters still count."""
    thai = "รัฐบาลประกาศเปิดสะพานใหม่ ข้ามแม่น้ำในเดือนหน้า"
    assert written_unspaced(thai)
    assert word_count(thai) > len(thai.split())


def test_english_counts_its_spaced_words() -> None:
    assert word_count("The council opened a new bridge on Monday.") == 8
    assert not written_unspaced("The council opened a new bridge on Monday.")


@pytest.mark.parametrize(
    ("letter", "starts"),
    [
        ("T", True),
        ("É", True),
        ("t", False),
        ("é", False),
        ("ب", True),
        ("ה", True),
        ("न", True),
        ("서", True),
        ("市", True),
        ("ร", True),
        ("ა", True),  # Georgian Mkhedruli: lower case to Unicode, written without capitals
        ("Ა", True),  # ... and its Mtavruli capital
        ("3", False),
        ("“", False),
    ],
)
def test_a_capital_or_a_letter_of_a_script_without_capitals(letter: str, starts: bool) -> None:
    assert capital_or_caseless(letter) is starts


def test_a_small_letter_is_one_of_a_script_with_capitals() -> None:
    """What continues a sentence in lower case: "t", "é", "д"; not a Georgian letter, which
    Unicode calls lower case but which starts a Georgian sentence, nor a capital or a letter of
    a script without case."""
    assert all(lower_case(letter) for letter in "téд")
    assert not any(lower_case(letter) for letter in "აTب市3")


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("관리들은 일요일 폭우로 국경 검문소가 물에 잠겼다고 말했다.", False),
        ("官员说，周日暴雨淹没了边境口岸。", False),
        ("昨天，制片公司公布了 Harbour Lights Over Kestrel Bay 的首映日期和预告片。", False),
        ("وقال المسؤولون إن الأمطار أغرقت المعبر الحدودي يوم الأحد.", False),
        ("Чиновники заявили, что ливень затопил пограничный переход.", False),
        ("Officials said the crossing in Seoul (서울) was closed on Sunday.", True),
        ("Les autorités ont fermé le poste-frontière dimanche.", True),
        ("Yetkililer pazar günü sınır kapısının sular altında kaldığını söyledi.", True),
        ("Chính quyền cho biết cửa khẩu bị ngập hôm Chủ nhật.", True),
        ("Der Kreml (Кремль) bestätigte das Treffen am Montag.", True),
        ("12.04.2020 — 11:38", True),
    ],
)
def test_text_written_in_latin_letters(text: str, latin: bool) -> None:
    assert written_in_latin(text) is latin
