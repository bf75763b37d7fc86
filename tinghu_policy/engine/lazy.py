"""Fields of a report that are rendered when first read: the two-phase engine's second phase, out of sight.

The rules give verdicts (:class:`~tinghu_policy.engine.context.Outcome`); a :class:`~tinghu_policy.engine.Report`
built from them holds, in place of its findings (and of a finding's checks and notes), a :class:`Later` that makes
them when first read. A caller never sees one: reading the field renders it, and so do serialising the model
(every format, nested or not), comparing, hashing, copying, pickling and printing it. Only ``model.__dict__``
shows what has not been rendered yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel


class Later:
    """A field's value still to be made: :meth:`fill` sets it (and the other fields it makes) in the model's
    ``__dict__``. One object may stand for several fields of a model (a finding's notes and checks)."""

    __slots__ = ()

    def fill(self, fields: dict[str, Any]) -> None:
        raise NotImplementedError


_LATER = Later
_LAZY: dict[type[BaseModel], tuple[str, ...]] = {}


def ready(model: BaseModel) -> None:
    """Render every field of ``model`` that is still a :class:`Later`."""
    fields = model.__dict__
    for name in _LAZY.get(type(model), ()):
        value = fields.get(name)
        if isinstance(value, _LATER):
            value.fill(fields)


class _Field:
    """The data descriptor that reads a lazy field, rendering it first when it is a :class:`Later`."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, model: BaseModel | None, owner: type | None = None) -> Any:
        if model is None:  # as on any pydantic model, a field is no class attribute
            raise AttributeError(self.name)
        fields = model.__dict__
        value = fields[self.name]
        if isinstance(value, _LATER):
            value.fill(fields)
            value = fields[self.name]
        return value

    def __set__(
        self, model: BaseModel, value: Any
    ) -> None:  # object.__setattr__ only (the models are frozen)
        model.__dict__[self.name] = value


def _rendering_first(method: Callable[..., Any]) -> Callable[..., Any]:
    def rendered(self: BaseModel, *args: Any, **kwargs: Any) -> Any:
        ready(self)
        return method(self, *args, **kwargs)

    rendered.__name__ = method.__name__
    rendered.__doc__ = method.__doc__
    return rendered


def _eq(method: Callable[[BaseModel, object], bool]) -> Callable[[BaseModel, object], bool]:
    def __eq__(self: BaseModel, other: object) -> bool:  # noqa: N807
        ready(self)
        if isinstance(other, BaseModel):
            ready(other)
        return method(self, other)

    return __eq__


def _iter(method: Callable[[BaseModel], Iterator[Any]]) -> Callable[[BaseModel], Iterator[Any]]:
    def __iter__(self: BaseModel) -> Iterator[Any]:  # noqa: N807
        ready(self)
        return method(self)

    return __iter__


def lazy_fields(model: type[BaseModel], *names: str) -> None:
    """Make ``names`` lazy fields of ``model``: a :class:`Later` in their place is rendered when first read, and
    before ``model`` is compared, hashed, copied, pickled, iterated or printed.

    Serialising must render too: the model declares ``@model_serializer(mode="wrap")`` calling :func:`ready`
    (without a return annotation, which would change its JSON Schema).
    """
    _LAZY[model] = names
    for name in names:
        setattr(model, name, _Field(name))
    setattr(model, "__eq__", _eq(model.__eq__))  # noqa: B010  (a class attribute, replaced)
    setattr(model, "__hash__", _rendering_first(model.__hash__))  # noqa: B010
    setattr(model, "__iter__", _iter(model.__iter__))  # noqa: B010
    for method in ("__repr_args__", "__getstate__", "__copy__", "__deepcopy__"):
        setattr(model, method, _rendering_first(getattr(model, method)))
