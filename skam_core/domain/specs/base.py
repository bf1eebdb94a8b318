"""The field-spec mechanism: coerce and check one value per field, collecting every problem."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from skam_core.domain.validation import is_email, parse_iso_date, parse_month


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str  # English, for logs, the CLI and tests
    key: str | None = None  # message key (spec.<key>) so that the UI can say it in the user's language
    # dataclasses.field spelled out: the attribute ``field`` above shadows the bare name in the class body.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class SpecError(ValueError):
    """A value that breaks its field's rule: an English message plus a key and values for translation."""

    def __init__(self, message: str, key: str, **params: Any):
        super().__init__(message)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | int | float | date | month | bool | choice | email
    required: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None
    max_len: int = 4000
    default: Any = None  # stored when no value is given (mirrors the column's DEFAULT in the schema)
    pattern: str | None = None  # for text: a regular expression the whole value must match
    example: str | None = None  # shown in the message when the pattern does not match

    def coerce(self, raw: Any) -> Any:
        """The value in its stored type, or raise ValueError with a message naming what is wrong."""
        if raw is None or (isinstance(raw, float) and math.isnan(raw)) or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise SpecError("is required", "required")
            return False if self.kind == "bool" else None
        k = self.kind
        if k == "text":
            v = str(raw).strip()
            if len(v) > self.max_len:
                raise SpecError(f"is longer than {self.max_len} characters", "too_long", max=self.max_len)
            if self.pattern and not re.fullmatch(self.pattern, v):
                raise SpecError(f"'{v}' is not in the form {self.example}", "bad_format", value=v, example=self.example)
            return v
        if k == "email":
            v = str(raw).strip().lower()
            if not is_email(v):
                raise SpecError(f"'{raw}' is not an e-mail address", "not_email", value=raw)
            return v
        if k in ("int", "float"):
            n = _number(raw)
            if k == "int":
                if n != int(n):
                    raise SpecError(f"'{raw}' is not a whole number", "not_whole", value=raw)
                n = int(n)
            if self.min is not None and n < self.min:
                raise SpecError(
                    f"{_fmt(n)} is below the minimum {_fmt(self.min)}", "below_min", value=_fmt(n), min=_fmt(self.min)
                )
            if self.max is not None and n > self.max:
                raise SpecError(
                    f"{_fmt(n)} is above the maximum {_fmt(self.max)}", "above_max", value=_fmt(n), max=_fmt(self.max)
                )
            return n
        if k == "date":
            if isinstance(raw, datetime):
                return raw.date()
            if isinstance(raw, date):
                return raw
            return parse_iso_date(str(raw))
        if k == "month":
            if isinstance(raw, (date, datetime)):
                return date(raw.year, raw.month, 1)
            return parse_month(str(raw))
        if k == "bool":
            if isinstance(raw, bool):
                return raw
            s = str(raw).strip().lower()
            if s in ("true", "1", "yes", "ja", "x", "wahr"):
                return True
            if s in ("false", "0", "no", "nein", "falsch"):
                return False
            raise SpecError(f"'{raw}' is not yes/no", "not_bool", value=raw)
        if k == "choice":
            v = str(raw).strip()
            if self.choices is not None and v not in self.choices:
                raise SpecError(f"'{raw}' is not one of {', '.join(self.choices)}", "not_choice", value=raw)
            return v
        raise AssertionError(f"unknown field kind {k}")


def _number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise SpecError(f"'{raw}' is not a number", "not_number", value=raw)
    if isinstance(raw, (int, float)):
        v = float(raw)
    else:
        try:
            v = float(str(raw).strip())
        except ValueError:
            raise SpecError(f"'{raw}' is not a number", "not_number", value=raw) from None
    if not math.isfinite(v):
        raise SpecError(f"'{raw}' is not a finite number", "not_number", value=raw)
    return v


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def validate_values(
    fields: Iterable[Field], values: Mapping[str, Any], *, partial: bool = False
) -> tuple[dict[str, Any], list[FieldError]]:
    """Coerce ``values`` by the specs. With ``partial`` only the given fields are checked (an edit of a few
    columns); otherwise missing required fields are errors too."""
    clean: dict[str, Any] = {}
    errors: list[FieldError] = []
    for f in fields:
        if f.name not in values:
            if f.required and not partial:
                errors.append(FieldError(f.name, "is required", "required"))
            continue
        try:
            clean[f.name] = f.coerce(values[f.name])
        except SpecError as exc:
            errors.append(FieldError(f.name, str(exc), exc.key, exc.params))
        except ValueError as exc:  # dates and months: the parsers' own messages
            kind = "bad_month" if f.kind == "month" else "bad_date"
            errors.append(FieldError(f.name, str(exc), kind, {"value": values[f.name]}))
    return clean, errors
