"""A template cannot freeze the runner or fill its memory: every hostile template fails in words,
within bounded time and memory, while ordinary templates render exactly as before."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from app.core import template_limits as limits
from app.core.errors import TemplateError
from app.core.templates import render_text, render_value

CTX = {
    "trigger": {
        "order": {
            "number": "1042",
            "qty": "40",
            "price": 10**8,
            "lines": [
                {"sku": "A-1", "qty": 2, "price": 12.5},
                {"sku": "B-7", "qty": 1, "price": 99.0},
            ],
            "customer": "Aling Nena",
        }
    },
    "steps": {"check_stock": {"output": {"available": 3}}},
}

NESTED = "{% for a in s %}{% for b in s %}{% for c in s %}x{% endfor %}{% endfor %}{% endfor %}"
HOSTILE = [
    "{{ 9**(9**9) }}",
    "{{ 10**100000 }}",
    "{{ 2.0**100000 }}",
    "{{ 1e308 * 10 }}",
    "{% for i in range(10**9) %}x{% endfor %}",
    "{% set s = 'x' * 1000 %}" + NESTED,
    "{% for a in trigger.order.customer * 50 %}{% for b in trigger.order.customer * 50 %}"
    "{% for c in trigger.order.customer * 50 %}{{ a ~ b ~ c }}{% endfor %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**9 }}",
    "{{ 10**9 * 'x' }}",
    "{{ [1] * 10**9 }}",
    "{{ trigger.order.qty * trigger.order.price }}",
    "{{ 'a'|center(10**9) }}",
    "{{ 'a'|center(1000000000) }}",
    "{{ 'x'|indent(10**9) }}",
    "{{ ('x ' * 1000000)|wordwrap(1, wrapstring='y' * 1000) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%09999999d'|format(1) }}",
    "{{ '%*d' % (999999999, 1) }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ ('{:>4000000}' * 20).format(*([1] * 20)) }}",
    "{{ ('x' ~ 'x') * 99999999 }}",
    "{{ lipsum(10**6) }}",
    "{{ range(10**8)|list }}",
    "{{ ('a' * 10**6)|replace('a', 'aaaa') * 2 }}",
    "{{ ('a' * 10**6)|replace('a', 'aaaaaaaaaa') }}",
    "{{ (['x' * 4000000] * 100)|join }}",
    "{{ (['x' * 4000000] * 100)|join(', ') }}",
    "{{ ('x' * 4000000).join(['a'] * 100) }}",
    "{{ 'x'.ljust(10**9) }}",
    "{{ (1).to_bytes(10**9, 'big') }}",
    "{{ 'ab\tc'.expandtabs(4000000) * 2 }}",
    "{{ [1]|batch(10**9, 'x')|list }}",
    "{{ [[1] * 1000] * 3000|sum(start=[]) }}",
    "{% set a = 'x' * 4000000 %}{% set b = a ~ a %}{{ b }}",
    "{% set a = 'x' * 4000000 %}{{ a }}{{ a }}",
    "{% set a = 'x' * 4000000 %}{% set b %}{% for i in 'xxxxxxxxxx' %}{{ a }}{% endfor %}"
    "{% endset %}{{ b|length }}",
    "{% macro m(n) %}{% if n > 0 %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}",
    "{% for x in [1] recursive %}{{ loop([1, 1]) }}{% endfor %}",
    "{{ " + "(" * 600 + "1" + ")" * 600 + " }}",
]


def _cost(func) -> tuple[BaseException | None, float, float]:
    """What ``func`` raised, how long it took (s) and its peak of new memory (MB)."""
    tracemalloc.start()
    started = time.monotonic()
    error: BaseException | None = None
    try:
        func()
    except BaseException as exc:  # noqa: BLE001 - the test reports whatever came out
        error = exc
    took = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return error, took, peak


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("render", [render_value, render_text], ids=["value", "text"])
def test_hostile_template_fails_in_words_within_bounded_time_and_memory(payload, render):
    error, took, peak = _cost(lambda: render(payload, CTX))
    print(f"{took:.3f}s {peak:.1f}MB {payload[:60]!r}: {error}")
    assert isinstance(error, TemplateError), error
    assert str(error).startswith("The template “")
    assert took < 10  # the limit is 2 s; generous for a busy machine, never a speed test
    assert peak < 200


def test_limits_are_named_in_the_sentence():
    with pytest.raises(TemplateError, match="made a number too large to handle"):
        render_value("{{ 9**(9**9) }}", CTX)
    with pytest.raises(TemplateError, match="longer than 5,000,000 characters"):
        render_value("{{ trigger.order.qty * trigger.order.price }}", CTX)
    with pytest.raises(TemplateError, match="repeated its loops more than 100,000 times"):
        render_text("{% set s = 'x' * 1000 %}" + NESTED, CTX)
    with pytest.raises(TemplateError, match="took longer than 2 seconds"):
        render_text(
            "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}"
            "{% endmacro %}{{ m(40) }}",
            CTX,
        )


def test_a_long_template_is_quoted_short():
    body = "Dear customer,\n" + "x" * 5000 + "{{ 9**(9**9) }}"
    with pytest.raises(TemplateError) as err:
        render_text(body, CTX)
    assert len(str(err.value)) < 400 and "…" in str(err.value)


def test_templates_in_one_value_share_one_time_budget():
    slow = (
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}"
    )
    error, took, _ = _cost(lambda: render_value({"a": slow, "b": [slow, slow], "c": slow}, CTX))
    print(f"four slow templates in one setting: {took:.2f}s")
    assert isinstance(error, TemplateError) and "took longer" in str(error)
    assert took < 10


def test_ordinary_templates_render_as_before():
    assert render_value("{{ trigger.order.number }}", CTX) == "1042"
    assert (
        render_value("{{ trigger.order.lines[0].qty * trigger.order.lines[0].price }}", CTX) == 25.0
    )
    assert render_value("{{ trigger.order.lines|sum(attribute='qty') }}", CTX) == 3
    assert render_value("{{ 2 ** 10 }}", CTX) == 1024
    assert render_value("{{ 10 ** 300 > 1 }}", CTX) is True
    assert render_value("{{ '-' * 3 }}", CTX) == "---"
    text = (
        "Order {{ trigger.order.number }} for {{ trigger.order.customer|upper }}:\n"
        "{% for l in trigger.order.lines %}{{ loop.index }}. {{ '%-5s' % l.sku }}"
        "{{ '{:>6.2f}'.format(l.qty * l.price) }}\n{% endfor %}"
        "{{ trigger.order.lines|map(attribute='sku')|join(', ') }} "
        "{{ 'a' ~ 'b' }} {{ 'x'|center(5) }}|{{ 'a b c'|wordwrap(2)|replace('\n', '/') }}"
    )
    assert render_text(text, CTX) == (
        "Order 1042 for ALING NENA:\n1. A-1   25.00\n2. B-7   99.00\nA-1, B-7 ab   x  |a/b/c"
    )


def test_fast_path_is_unchanged_and_big_data_passes_through():
    big = "x" * (limits.MAX_TEXT * 2)  # data larger than any template may make
    ctx = {"trigger": {"attachment": big, "items": "kept"}}
    assert render_value("{{ trigger.attachment }}", ctx) is big
    assert render_value({"file": "{{ trigger.attachment }}"}, ctx)["file"] is big
    assert render_value("{{ trigger.items }}", ctx) != "kept"  # the dict method, as Jinja says
    assert render_value("no template here", ctx) == "no template here"


def test_a_budget_ends_with_its_rendering():
    for _ in range(3):  # each rendering gets its own two seconds and its own size budget
        render_value("{% set a = 'x' * 4000000 %}{{ a|length }}", CTX)
    assert limits._current() is None
