"""Every sentence the pages' scripts show comes from the core (``views.page_words``): a script
asks for it by key (``words("key")`` in ``web/js``; the worker names its progress steps and
problems by key, which the page looks up), so a key asked for must be there, and a sentence
nobody asks for is dead text."""

from __future__ import annotations

import re
from pathlib import Path

from csprcore.views.page_words import PAGE_WORDS

JS = Path(__file__).resolve().parents[3] / "web" / "js"

#: A key as the scripts write it: a quoted snake_case word.
_QUOTED = re.compile(r'"([a-z]+(?:_[a-z]+)+)"')
#: words("key", ...) and words(cond ? "a" : "b"): each quoted key inside the call's first part.
_CALL = re.compile(r"\bwords\(([^,()]*(?:\([^()]*\))?[^,()]*)[,)]")
#: The worker's messages: progress(10, "key"), problem: "key", error: "key".
_WORKER = re.compile(r'(?:progress\(\d+, |problem: |error: )"([a-z_]+)"')


def _scripts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in JS.glob("*.js")}


def asked_for() -> dict[str, set[str]]:
    """Each key the scripts ask for, with the scripts that ask."""
    found: dict[str, set[str]] = {}
    for name, text in _scripts().items():
        keys = [k for call in _CALL.findall(text) for k in _QUOTED.findall(call)]
        keys += _WORKER.findall(text)
        for key in keys:
            found.setdefault(key, set()).add(name)
    return found


def test_the_scripts_ask_for_sentences_by_key() -> None:
    found = asked_for()
    # The rule core's status, drafts, a form's files, the update prompt: each script speaks.
    for script in ("core.js", "drafts.js", "form-page.js", "form-ui.js", "site.js", "worker.js"):
        assert any(script in names for names in found.values()), script


def test_every_key_asked_for_has_its_sentence() -> None:
    missing = {key: sorted(names) for key, names in asked_for().items() if key not in PAGE_WORDS}
    assert missing == {}


def test_every_sentence_is_asked_for() -> None:
    assert sorted(set(PAGE_WORDS) - set(asked_for())) == []


def test_the_sentences_fill_only_named_placeholders() -> None:
    # A placeholder the scripts fill is a {name}; no sentence keeps a stray brace.
    for key, sentence in PAGE_WORDS.items():
        assert re.sub(r"\{[a-z]+\}", "", sentence).count("{") == 0, key
        assert sentence.strip() == sentence and sentence, key


def test_the_scripts_write_no_sentence_of_their_own() -> None:
    # A capitalised phrase of three words or more in a string is a sentence a user would
    # read; the scripts' own strings are selectors, names and keys.
    sentence = re.compile(r"""(["'`])[A-Z][a-z]+ [a-z]+ [a-z]+[^"'`]*\1""")
    own = {
        name: [m.group(0) for m in sentence.finditer(_code(text))]
        for name, text in _scripts().items()
    }
    assert {n: found for n, found in own.items() if found} == {}


def _code(text: str) -> str:
    """The script without its comments and without what only a developer reads: the console's
    messages and the errors thrown to it."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"(?m)^\s*//.*$|\s//\s.*$", "", text)
    return re.sub(r"(?:console\.\w+|new \w*(?:Error|Exception))\([^)]*\)", "", text)


def test_the_registers_scripts_use_exactly_the_words_its_page_carries() -> None:
    # The case register's own words travel in its page's JSON block (pages/register.py:
    # GLUE_TEXT_KEYS, the default file name and the "nothing due" filter), read as text.KEY.
    from csprcore.views.register_page import GLUE_TEXT_KEYS

    carried = {*GLUE_TEXT_KEYS, "default_file_name", "status_none"}
    scripts = _scripts()
    used = {
        key
        for name, text in scripts.items()
        if name == "case-register.js" or name.startswith("register-")
        for key in re.findall(r"\btext\.([a-z_]+)\b", _code(text))
    }
    assert sorted(used - carried) == []
    assert sorted(carried - used) == []
