"""The one Jinja2 environment factory (hytecli.templating), used by the report and hyte init."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import DictLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from hytecli import scaffold
from hytecli.report import render
from hytecli.templating import make_environment


def test_environment_is_sandboxed_and_strict() -> None:
    env = make_environment(
        DictLoader(
            {
                "ok.j2": "{% if x %}\n  {{ x | twice }}\n{% endif %}\n",
                "typo.j2": "{{ y }}",
                "escape.j2": "{{ ''.__class__.__mro__ }}",
            }
        ),
        filters={"twice": lambda v: v * 2},
    )
    assert env.get_template("ok.j2").render(x="ab") == "  abab\n"  # block lines trimmed
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("typo.j2").render()
    with pytest.raises(SecurityError):
        env.get_template("escape.j2").render()


def test_autoescape_is_the_callers_choice() -> None:
    loader = DictLoader({"a.html.j2": "{{ t }}", "a.md.j2": "{{ t }}"})
    env = make_environment(loader, autoescape=lambda name: bool(name and ".html" in name))
    assert env.get_template("a.html.j2").render(t="<b>") == "&lt;b&gt;"
    assert env.get_template("a.md.j2").render(t="<b>") == "<b>"


def test_report_and_init_use_it() -> None:
    for env in (render.make_environment(None, "fi"), scaffold._environment()):
        assert isinstance(env, SandboxedEnvironment)
        assert env.undefined is StrictUndefined
        assert env.trim_blocks and env.lstrip_blocks and env.keep_trailing_newline
    assert {"yaml", "shell"} <= set(scaffold._environment().filters)
    assert {"md", "md_line", "cell", "quote"} <= set(render.make_environment(None, "fi").filters)
