"""The template sandbox: data in, nothing else; injection payloads fail in words."""

import pytest

from app.core.errors import TemplateError
from app.core.templates import check_syntax, referenced_paths, render_text, render_value

CTX = {
    "trigger": {"order": {"number": "1042", "total": 250.5, "lines": [1, 2]}},
    "steps": {"check": {"output": {"short": []}}},
}

SSTI = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ lipsum.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ config }}",
    "{{ request.application.__globals__ }}",
    "{{ trigger|attr('__class__') }}",
    "{{ '{0.__class__}'.format(1) }}",
    "{{ trigger.order.__class__ }}",
    "{{ range(10**9)|list }}",
    "{{ trigger.order.update({'x': 1}) }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
]


@pytest.mark.parametrize("payload", SSTI)
def test_injection_payloads_are_refused(payload):
    with pytest.raises(TemplateError):
        render_value(payload, CTX)
    with pytest.raises(TemplateError):
        render_text(payload, CTX)


def test_single_expression_keeps_its_type():
    assert render_value("{{ trigger.order.total }}", CTX) == 250.5
    assert render_value("{{ trigger.order.lines }}", CTX) == [1, 2]
    assert render_value("Order {{ trigger.order.number }}", CTX) == "Order 1042"
    assert render_value({"a": ["{{ trigger.order.number }}"]}, CTX) == {"a": ["1042"]}


def test_missing_data_and_syntax_errors_are_sentences():
    with pytest.raises(TemplateError, match="has no “nope” in trigger.order"):
        render_value("{{ trigger.order.nope }}", CTX)
    assert "syntax error" in check_syntax("{{ trigger.order. }}")
    assert check_syntax("{{ trigger.order.number | upper }}") is None


def test_default_filter_handles_missing_data():
    assert render_value("{{ trigger.order.note | default('none') }}", CTX) == "none"


def test_referenced_paths():
    assert referenced_paths(
        "{{ steps.check.output.short | length }} {{ trigger.order.number }}"
    ) == {"steps.check.output.short", "trigger.order.number"}


def test_plain_paths_are_looked_up_as_jinja_would():
    from app.core import templates

    ctx = {
        "trigger": {
            "order": {
                "number": 1042,
                "lines": [{"sku": "A"}],
                "items": "x",
                "ok": True,
                "none": None,
            }
        },
        "steps": {"check": {"output": {"available": 3}}},
    }
    for expr in (
        "trigger.order.number",
        "trigger.order.lines",
        "trigger.order.ok",
        "trigger.order.none",
        "steps.check.output",
        "steps.check.output.available",
        "trigger.order.items",
    ):
        fast = templates._path_value(expr, ctx)
        jinja = templates._plain(templates._compile_expr(expr)(**ctx))
        if fast is not templates._MISSING:  # a dict method name is left to Jinja
            assert templates._plain(fast) == jinja, expr
        assert render_value("{{ " + expr + " }}", ctx) == jinja
    assert templates._path_value("trigger.order.items", ctx) is templates._MISSING
    with pytest.raises(TemplateError, match="has no “missing” in trigger.order"):
        render_value("{{ trigger.order.missing }}", ctx)
    with pytest.raises(TemplateError, match="may not use"):
        render_value("{{ trigger.__class__ }}", ctx)
