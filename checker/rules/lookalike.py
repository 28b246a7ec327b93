"""Look-alike letters: Cyrillic and Greek letters that are drawn like Latin ones.

A rule form typed with one of them (`Tiаngong` with a Cyrillic `а`) matches no text typed
in one script, and a variant "correcting" it flags the right spelling; a form wholly in one
script (a Russian name in Cyrillic) is fine.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from checker import rx

# Letters whose glyph is a Latin letter's in common fonts (Unicode's confusables, narrowed
# to the Cyrillic and Greek letters that pass for Latin ones in running text).
_LATIN_LOOKS = str.maketrans({
    **dict(zip("аеорсухѕіјԁһӏԛԝ", "aeopcyxsijdhlqw", strict=True)),
    **dict(zip("АВЕКМНОРСТХУЅІЈԚԜ", "ABEKMHOPCTXYSIJQW", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
    **dict(zip("οινρκυα", "oivpkua", strict=True)),
})
# Scripts whose letters pass for one another; others (CJK, Arabic) are never confused.
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_WORD_RE = rx.compile(r"\w+")


def latin_looks(text: str) -> str:
    """The text with each look-alike Cyrillic or Greek letter read as the Latin one."""
    return text.translate(_LATIN_LOOKS)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "").split(" ", 1)[0]
    return name if name in _SCRIPTS else None


def mixed_script(text: str) -> str | None:
    """Why a word of the text mixes Latin, Cyrillic and Greek letters (naming the letters of
    the scripts it has fewer of), or None when each word keeps to one script."""
    for word in _WORD_RE.findall(text):
        letters: dict[str, list[str]] = {}
        for ch in word:
            script = _script(ch)
            if script is not None and ch not in letters.setdefault(script, []):
                letters[script].append(ch)
        if len(letters) < 2:
            continue
        main = max(letters, key=lambda s: sum(word.count(c) for c in letters[s]))
        odd = ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, '?')}"
                        for script, chars in letters.items() if script != main for c in chars)
        scripts = " and ".join(s.title() for s in letters)
        return f"the word {word!r} mixes {scripts} letters ({odd})"
    return None
