"""The UI text: both languages have every key, the same placeholders and formulas, and the
Chinese text is Chinese (apart from names, units and symbols on an explicit list)."""

from __future__ import annotations

import pathlib
import re
import string

import pytest

from ui.core.strings import EN, EQUATIONS, STRINGS, ZH

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Latin words a Chinese text may contain: names of functions, methods and people, file formats,
# units, code names and the lesson's own "参数 vs 超参数".
ALLOWED_IN_ZH = {
    # activation functions, optimizers, initializations (names, also in Chinese courses)
    "ReLU", "Leaky", "tanh", "sigmoid", "Adam", "He", "Xavier", "randn", "Gram", "L2",
    # formats, units and standards
    "JPEG", "PNG", "WebP", "GIF", "BMP", "CSV", "npz", "MB", "SHA", "RGB", "NaN", "uint8",
    # code names, products, protocols and file formats
    "X_train", "Y_train", "NumPy", "Streamlit", "DNN_DATA_DIR", "HTTP", "http", "HDF5",
    "safetensors", "MP", "kB",
    # the lesson's array names
    "W1", "b1", "WL", "bL", "dA", "dW", "dZ", "db",
    # the lesson's own title "参数 vs 超参数"
    "vs",
}  # fmt: skip
MATH = re.compile(r"\$[^$]+\$")


def placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def latin_words(text: str) -> list[str]:
    """Words of two or more Latin letters outside formulas, `code` and {placeholders}."""
    prose = re.sub(r"\$[^$]+\$|`[^`]*`|\{[^}]*\}", " ", text)
    return re.findall(r"[A-Za-z][A-Za-z0-9_]+", prose)


def test_both_languages_have_every_text_with_the_same_placeholders():
    assert set(EN) == set(ZH)
    assert set(STRINGS) == {"en", "zh"}
    for key in EN:
        assert ZH[key].strip(), key
        if "$" in EN[key]:  # LaTeX: never formatted, so it has no placeholders to compare
            assert sorted(MATH.findall(EN[key])) == sorted(MATH.findall(ZH[key])), key
            assert EN[key].count("$") % 2 == 0 and ZH[key].count("$") % 2 == 0, key
        else:
            assert placeholders(EN[key]) == placeholders(ZH[key]), key


def test_chinese_texts_have_no_english_words():
    untranslated = {
        key: words
        for key, text in ZH.items()
        if (words := sorted(set(latin_words(text)) - ALLOWED_IN_ZH))
    }
    assert not untranslated, untranslated


def test_the_check_finds_english():
    """The check above is not vacuous: it finds an English word left in a Chinese text."""
    assert latin_words("训练 columns $\\sum_{columns}$ `np.sum` {n} 个单元") == ["columns"]
    assert latin_words("P(猫) = {p}，ReLU") == ["ReLU"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_words_for_the_same_concept_are_the_same(lang):
    """P(cat) is P(猫) everywhere; in Chinese a run is 运行 and seconds are 秒."""
    texts = STRINGS[lang]
    p = texts["p_cat"]
    assert p == {"en": "P(cat)", "zh": "P(猫)"}[lang]
    for key, text in texts.items():
        if "P(" in text:
            assert p in text, key
    if lang == "zh":
        assert texts["run"] == "运行" and "秒" in texts["seconds"]
        assert all("比较训练" not in text and "的训练（" not in text for text in texts.values())


def test_equations_have_no_prose():
    """The equations are shared by both languages: no words in them (e.g. no "columns")."""
    flat = [e for v in EQUATIONS.values() for e in ([v] if isinstance(v, str) else v)]
    for eq in flat:
        words = re.findall(r"\\text\{([^}]*)\}", eq)
        assert not words, eq
    assert any(r"\sum_{i=1}^{m} dZ^{[l](i)}" in eq for eq in EQUATIONS["backward"])
    numbers = [re.match(r"(?:\\begin\{aligned\} )?\((\d)\)", eq) for eq in flat]
    assert [int(n.group(1)) for n in numbers if n] == list(range(1, 10))  # (1)–(9), in order


def test_every_text_key_used_in_the_code_exists():
    used = set()
    for path in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/**/*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text()))
    assert used, "no t(...) call found: the pattern is wrong"
    missing = used - set(EN)
    assert not missing, missing


def test_a_count_of_one_is_singular_in_english():
    """A key ending in _one is the text for n = 1 (1 run, 1 answer, 1 picture)."""
    from ui.core.i18n import text

    assert [text("en", "count_runs", n=k) for k in (0, 1, 2)] == ["0 runs", "1 run", "2 runs"]
    assert text("en", "board_answers_n", n=1) == "1 answer"
    assert text("en", "desc_images", n=1, names="x") == "1 picture: x."
    assert text("zh", "count_students", n=1) == "1 位学生"
    for key in (k for k in EN if k.endswith("_one") and k.removesuffix("_one") in EN):
        base = key.removesuffix("_one")
        assert placeholders(EN[key]) == placeholders(EN[base]), key
        assert "{n}" in EN[key], key
