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

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from hytecli.errors import HyteError
from hytecli.plan_paths import is_inside


class TemplateOutside(HyteError, TemplateError):
    """A template file is a link (or in a linked folder) that leads out of where it must stay."""


class ContainedLoader(FileSystemLoader):
    """A :class:`~jinja2.FileSystemLoader` that reads no template from outside its boundaries.

    Report templates in a plan repository's ``templates/`` come from pull requests and run in
    CI: one that is a symbolic link to a file outside the repository (``/etc/passwd``, a
    credentials file of the CI machine) would put that file into the report. Such a template is
    refused with :class:`TemplateOutside`, naming the file; links inside the repository are
    fine.
    """

    def __init__(self, folders: Sequence[Path], boundary: Path | None) -> None:
        """Look templates up in ``folders``, in order.

        Args:
            folders: The folders to search.
            boundary: The folder that templates found in a folder under it must stay in (the
                plan repository); a folder not under it (hyte's packaged templates) is its own
                boundary.
        """
        super().__init__([str(folder) for folder in folders])
        self._boundaries: dict[str, Path] = {}
        for folder in folders:
            under = boundary is not None and Path(os.path.abspath(folder)).is_relative_to(
                os.path.abspath(boundary)
            )
            self._boundaries[str(folder)] = boundary if under and boundary else folder

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """Return the template's source, refusing a file that resolves outside its boundary."""
        source, filename, uptodate = super().get_source(environment, template)
        for folder, boundary in self._boundaries.items():
            if os.path.abspath(filename).startswith(os.path.abspath(folder) + os.sep):
                if not is_inside(boundary, Path(filename)):
                    shown = os.path.relpath(filename, boundary.parent if boundary else folder)
                    raise TemplateOutside(
                        f"report template {shown} is a symbolic link to "
                        f"{os.path.realpath(filename)}, outside the plan repository: templates "
                        "are read only from inside the repository; copy the template into "
                        "templates/ instead of linking to it"
                    )
                break
        return source, filename, uptodate


class _Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox, remembering which attributes of which types are safe to read.

    The sandbox's judgement of an attribute (:meth:`SandboxedEnvironment.is_safe_attribute`)
    depends only on the attribute's name and the object's type (an underscore, or an internal
    attribute of a function, method, class, code object or generator), so it is made once per
    type and name: a national report reads about 1.3 million attributes of a few dozen types.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Whether templates may read ``obj.attr`` (the sandbox's answer, remembered)."""
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


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
    environment = _Sandbox(
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
