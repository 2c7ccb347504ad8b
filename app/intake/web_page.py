"""The pages of the public order form, as HTML: the form (the shop's name, its products from the
stock sheet in a list per row, the customer's boxes; shown again with what was typed and the
problems said when something is wrong), the thank-you page (the order's number and what happens
next) and a page with one sentence. Made for a phone (a viewport, large boxes, one column) and
for pages without scripts (the answers forbid them): more rows open with ``<details>``. Every
value is escaped. No Qt, no store.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from app.core.catalog import Catalog
from app.core.order_total import as_total, money_text
from app.intake.web_order import FIELD_MAX, LINES, MAX_QTY, SHOWN_LINES, Posted, Problem, label
from app.intake.web_products import Product, Shop

_STYLE = (
    "*{box-sizing:border-box}"
    "body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;padding:1em;max-width:36em;"
    "color:#1d1d1d}"
    "h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}"
    "label{display:block;margin:.7em 0 .2em;font-weight:600}"
    "input,select,textarea{display:block;width:100%;font:inherit;padding:.6em;"
    "border:1px solid #888;border-radius:.4em;background:#fff}"
    "textarea{min-height:4.5em}"
    ".row{display:grid;grid-template-columns:1fr 5.5em;gap:.5em;align-items:end}"
    ".row>div{min-width:0}"  # a long product name must not widen the page past a phone's
    ".row label{font-weight:400}"
    # A closed select never wraps: beside the quantity, a phone (360 px) left it some 230 px
    # and cut “Rice, 25 kg sack — PHP 1,350.00” after “PHP”. On a narrow screen the product
    # takes the whole width and its quantity sits on the line below it, label and box together.
    "@media (max-width:30em){.row{grid-template-columns:1fr;gap:0;margin-bottom:.9em}"
    ".row>div+div{display:flex;align-items:center;gap:.6em;margin-top:.4em}"
    ".row>div+div label{margin:0}.row>div+div input{width:6em}}"
    ".bad{border:2px solid #b00020}"
    ".problems{border:2px solid #b00020;border-radius:.4em;padding:.4em 1em;margin:1em 0}"
    "summary{margin:1em 0;color:#0645ad;cursor:pointer}"
    "button{display:block;width:100%;margin:1.5em 0;padding:.8em;font:inherit;"
    "font-weight:600;border:0;border-radius:.4em;background:#0b6e4f;color:#fff}"
)
HEAD = (
    "<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
    "<meta name='viewport' content='width=device-width, initial-scale=1'>"
    "<title>{title}</title><style>{style}</style></head><body><main>"
)


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _head(translate: Catalog, title: str) -> str:
    return HEAD.format(lang=translate.language, title=_e(title), style=_STYLE)


@dataclass
class FormPage:
    """Everything one form page shows."""

    shop: Shop
    fields: list[str]
    products: list[Product] | None  # None: no list to offer, a product-code box instead
    token: str
    posted: Posted | None = None
    problems: tuple[Problem, ...] = ()
    note: str = ""  # a sentence above the form (an expired page, …)


def form(translate: Catalog, page: FormPage) -> bytes:
    shop = page.shop
    bad = {p.box for p in page.problems}
    posted = page.posted or Posted()
    out = [_head(translate, translate("WebForm", "Order from {shop}").format(shop=shop.name))]
    out.append(f"<h1>{_e(shop.name)}</h1>")
    out.append(
        "<p>"
        + _e(
            translate(
                "WebForm",
                "Choose what you want, tell us where to deliver it and press “Send order”.",
            )
        )
        + "</p>"
    )
    if page.note:
        out.append(f"<p class='problems' role='alert'>{_e(page.note)}</p>")
    if page.problems:
        items = "".join(f"<li>{_e(p.sentence)}</li>" for p in page.problems)
        check = translate("WebForm", "Please check:")
        out.append(f"<div class='problems' role='alert'><p>{_e(check)}</p><ul>{items}</ul></div>")
    out.append("<form method='post'>")
    for name in page.fields:
        if name == "lines":
            out.append(_lines(translate, page, posted, bad))
        else:
            out.append(_box(translate, name, posted.values.get(name, ""), name in bad))
    out.append(f"<input type='hidden' name='form_token' value='{_e(page.token)}'>")
    send = translate("WebForm", "Send order")
    out.append(f"<button type='submit'>{_e(send)}</button></form>")
    out.append("</main></body></html>")
    return "".join(out).encode()


def _box(translate: Catalog, name: str, value: str, bad: bool) -> str:
    attrs = f"id='f-{_e(name)}' name='{_e(name)}' maxlength='{FIELD_MAX}'"
    attrs += " class='bad' aria-invalid='true'" if bad else ""
    if name not in ("email", "notes"):
        attrs += " required"
    kind = {
        "customer": "type='text' autocomplete='name'",
        "phone": "type='tel' inputmode='tel' autocomplete='tel'",
        "email": "type='email' autocomplete='email'",
    }.get(name, "type='text'")
    head = f"<label for='f-{_e(name)}'>{_e(label(translate, name))}</label>"
    if name in ("address", "notes"):
        auto = " autocomplete='street-address'" if name == "address" else ""
        return f"{head}<textarea {attrs}{auto} rows='3'>{_e(value)}</textarea>"
    return f"{head}<input {kind} {attrs} value='{_e(value)}'>"


def _lines(translate: Catalog, page: FormPage, posted: Posted, bad: set[str]) -> str:
    rows = []
    for n in range(1, LINES + 1):
        sku, qty = posted.lines[n - 1] if n <= len(posted.lines) else ("", "1")
        rows.append(_row(translate, page, n, sku, qty or "1", bad))
    used = max([n for n, (sku, _) in enumerate(posted.lines, start=1) if sku] + [0])
    wrong = max([int(b.split("_")[1]) for b in bad if b.startswith(("sku_", "qty_"))] + [0])
    more = " open" if max(used, wrong) > SHOWN_LINES else ""
    add = translate("WebForm", "Add more products")
    delivery = translate("WebForm", "Delivery")
    return (
        f"<h2>{_e(label(translate, 'lines'))}</h2>"
        + "".join(rows[:SHOWN_LINES])
        + f"<details{more}><summary>{_e(add)}</summary>"
        + "".join(rows[SHOWN_LINES:])
        + f"</details><h2>{_e(delivery)}</h2>"
    )


def _row(translate: Catalog, page: FormPage, n: int, sku: str, qty: str, bad: set[str]) -> str:
    sku_bad = " class='bad' aria-invalid='true'" if f"sku_{n}" in bad else ""
    qty_bad = " class='bad' aria-invalid='true'" if f"qty_{n}" in bad else ""
    what = translate("WebForm", "Product {row}").format(row=n)
    if page.products is None:
        code = translate("WebForm", "Product code")
        chooser = (
            f"<input id='sku-{n}' name='sku_{n}' maxlength='200' value='{_e(sku)}'{sku_bad}"
            f" placeholder='{_e(code)}'>"
        )
    else:
        choose = translate("WebForm", "— choose a product —")
        options = [f"<option value=''>{_e(choose)}</option>"]
        for p in page.products:
            chosen = " selected" if p.code == sku else ""
            if p.in_stock:
                shown = (
                    f"{p.name} — {money_text(p.price, page.shop.currency)}" if p.price else p.name
                )
                options.append(f"<option value='{_e(p.code)}'{chosen}>{_e(shown)}</option>")
            else:
                shown = translate("WebForm", "{product} — out of stock").format(product=p.name)
                options.append(f"<option value='{_e(p.code)}' disabled>{_e(shown)}</option>")
        chooser = f"<select id='sku-{n}' name='sku_{n}'{sku_bad}>{''.join(options)}</select>"
    return (
        f"<div class='row'><div><label for='sku-{n}'>{_e(what)}</label>{chooser}</div>"
        f"<div><label for='qty-{n}'>{_e(label(translate, 'qty'))}</label>"
        f"<input id='qty-{n}' name='qty_{n}' type='number' inputmode='numeric' min='1' "
        f"max='{MAX_QTY}' step='1' value='{_e(qty)}'{qty_bad}></div></div>"
    )


def thanks(
    translate: Catalog,
    shop: Shop,
    number: str,
    order: dict[str, Any],
    products: list[Product] | None,
    *,
    emails: bool,
    pay_on_delivery: bool,
) -> bytes:
    """The page after an order is stored: its number, what was ordered, what happens next."""
    customer = order.get("customer") or {}
    names = {p.code: p.name for p in products or ()}
    lines = list(order.get("lines", ()))
    ordered = "".join(
        f"<li>{_e(line['qty'])} × {_e(names.get(line['sku'], line['sku']))}</li>" for line in lines
    )
    # the amount at the prices the form showed, when every line has one (else none is said)
    total = as_total(order.get("total"))
    total_said = (
        "<p>"
        + _e(
            translate(
                "WebForm", "Total: {amount} at today's prices, if everything is in stock."
            ).format(amount=money_text(total, shop.currency))
        )
        + "</p>"
        if total is not None
        else ""
    )
    steps = [
        translate(
            "WebForm",
            "{shop} checks that everything is in stock. If something is missing, the shop "
            "contacts you at {phone}.",
        ).format(shop=shop.name, phone=customer.get("phone", "")),
        translate("WebForm", "Then your order is packed and sent to the address you gave."),
    ]
    if pay_on_delivery:
        steps.append(translate("WebForm", "You pay when it arrives."))
    if emails and customer.get("email"):
        steps.append(
            translate("WebForm", "A confirmation is emailed to {email}.").format(
                email=customer["email"]
            )
        )
    steps.append(
        translate(
            "WebForm", "Keep your order number {number} for when you contact {shop} about it."
        ).format(number=number, shop=shop.name)
    )
    next_steps = "".join(f"<li>{_e(s)}</li>" for s in steps)
    title = translate("WebForm", "Order {number} received").format(number=number)
    thank = translate("WebForm", "Thank you! Your order number is {number}.").format(number=number)
    you_ordered = translate("WebForm", "You ordered")
    what_next = translate("WebForm", "What happens next")
    return (
        _head(translate, title)
        + f"<h1>{_e(thank)}</h1><h2>{_e(you_ordered)}</h2><ul>{ordered}</ul>{total_said}"
        + f"<h2>{_e(what_next)}</h2><ol>{next_steps}</ol></main></body></html>"
    ).encode()


def note(translate: Catalog, title: str, sentence: str) -> bytes:
    """A page with one sentence (a refusal, an order already sent)."""
    return (
        _head(translate, title) + f"<h1>{_e(title)}</h1><p>{_e(sentence)}</p></main></body></html>"
    ).encode()
