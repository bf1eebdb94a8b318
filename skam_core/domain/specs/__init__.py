"""Field specifications of every editable table, one module per area, gathered into ``SPECS``.

A spec says what a valid value is (type, required, range, choices). The same spec validates form input, import
rows and service calls, so a rule is written once.
"""

from __future__ import annotations

from skam_core.domain.specs.base import Field, FieldError, validate_values
from skam_core.domain.specs.core import SPECS as _CORE
from skam_core.domain.specs.plan import SPECS as _PLAN
from skam_core.domain.specs.steering import SPECS as _STEERING
from skam_core.domain.specs.strategy import SPECS as _STRATEGY


def _merge(*parts: dict[str, tuple[Field, ...]]) -> dict[str, tuple[Field, ...]]:
    merged: dict[str, tuple[Field, ...]] = {}
    for part in parts:
        for name, fields in part.items():
            if name in merged:
                raise RuntimeError(f"spec for {name} defined twice")
            merged[name] = fields
    return merged


SPECS: dict[str, tuple[Field, ...]] = _merge(_CORE, _STRATEGY, _PLAN, _STEERING)

__all__ = ["SPECS", "Field", "FieldError", "validate_values"]
