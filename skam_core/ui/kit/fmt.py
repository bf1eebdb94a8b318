"""The page's number and date formatting (i18n.formats) with its results remembered: Babel takes about a
millisecond per number, and a page formats the same figures on every run — hundreds in its tables (issue 15).
The results depend only on language and value, so they are kept per (method, language, arguments)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from skam_core.i18n.formats import Formatter

_METHODS = ("eur", "eur_compact", "number", "pct", "pp", "ratio", "day", "month", "timestamp", "quarter")


@lru_cache(maxsize=65536, typed=True)
def _formatted(method: str, lang: str, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> str:
    return getattr(Formatter(lang), method)(*args, **dict(kwargs))


class CachedFormatter(Formatter):
    """A Formatter whose results are remembered; values that cannot be remembered (unhashable) are formatted."""


def _remembering(method: str) -> Any:
    plain = getattr(Formatter, method)

    def call(self: Formatter, *args: Any, **kwargs: Any) -> str:
        try:
            return _formatted(method, self.lang, args, tuple(sorted(kwargs.items())))
        except TypeError:  # an unhashable argument
            return plain(self, *args, **kwargs)

    call.__name__ = call.__qualname__ = method
    call.__doc__ = plain.__doc__
    return call


for _m in _METHODS:
    setattr(CachedFormatter, _m, _remembering(_m))
