"""Two languages, one translation function. Catalogs live in ``messages/<area>.py`` as
``MESSAGES = {key: (german, english)}`` so that each area's strings stay beside each other."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from babel import Locale

LANGS = ("de", "en")
DEFAULT_LANG = "de"  # the users are mostly German-speaking


@cache
def catalog() -> dict[str, tuple[str, str]]:
    from skam_core.i18n import messages

    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{messages.__name__}.{info.name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (again in {info.name})")
            merged[key] = pair
    return merged


def translate(key: str, lang: str, **kwargs: object) -> str:
    """The message for ``key`` in ``lang``, formatted with ``kwargs``. An unknown key shows as itself, so a
    missing translation is visible (and a test finds it) instead of crashing a page."""
    pair = catalog().get(key)
    text = key if pair is None else pair[0 if lang == "de" else 1]
    if "[[" in text:
        text = _PLURAL.sub(lambda m: _plural(m, lang, kwargs), text)
    return text.format(**kwargs) if kwargs else text


# Plural forms in a message: "{n} [[n|Meilenstein ist|Meilensteine sind]] überfällig" picks the first form when
# Babel's plural rule of the language says "one" for the parameter n, the second otherwise.
_PLURAL = re.compile(r"\[\[(\w+)\|([^|\]]*)\|([^\]]*)\]\]")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse("de_DE" if lang == "de" else "en_GB")


def _plural(m: re.Match[str], lang: str, kwargs: dict[str, object]) -> str:
    n = kwargs.get(m.group(1))
    one = isinstance(n, (int, float)) and _locale(lang).plural_form(abs(n)) == "one"
    return m.group(2) if one else m.group(3)


def lang_from_locale(locale: str | None) -> str:
    """'de-DE', 'de', 'de-AT' -> de; any other known language -> en; nothing -> the default."""
    if not locale:
        return DEFAULT_LANG
    return "de" if locale.lower().startswith("de") else "en"
