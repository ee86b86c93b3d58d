"""The one place that builds a Jinja2 environment, for the report and for ``hyte init``.

Every template hyte renders (the report's, which a plan repository may override and which come
from pull requests and run in CI, and ``hyte init``'s skeleton) runs in Jinja2's sandbox
(:class:`~jinja2.sandbox.SandboxedEnvironment`: no access to Python internals), and a name that
is not defined is an error (:class:`~jinja2.StrictUndefined`), never an empty string written
into a file. Blocks are trimmed (``trim_blocks``, ``lstrip_blocks``) and a template's last
newline is kept. What differs is given by the caller: where templates are found, whether output
is HTML-escaped, extensions and filters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from jinja2 import BaseLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


def make_environment(
    loader: BaseLoader,
    *,
    autoescape: bool | Callable[[str | None], bool] = False,
    extensions: Sequence[str] = (),
    finalize: Callable[..., Any] | None = None,
    filters: dict[str, Callable[..., Any]] | None = None,
) -> SandboxedEnvironment:
    """Return a sandboxed, strict Jinja2 environment.

    Args:
        loader: Where templates are found.
        autoescape: ``True``, ``False``, or a function of the template name that says whether
            its output is HTML to escape.
        extensions: Jinja2 extensions to load (e.g. ``jinja2.ext.i18n``).
        finalize: Applied to every value printed (see Jinja2's ``finalize``).
        filters: Filters to add, by name.
    """
    environment = SandboxedEnvironment(
        loader=loader,
        autoescape=autoescape,
        undefined=StrictUndefined,
        extensions=list(extensions),
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters.update(filters or {})
    return environment
