"""Reading the order form's post (no server): the boxes a trigger's fields give (older names
read as today's, what a courier needs always there), and whatever is posted either becomes an
order in the sample's shape (whole quantities from 1, products from the list) or problems in
words — never an exception, never a line of 0 or a product not offered (bounded fuzz)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.catalog import ENGLISH, Catalog
from app.intake.web_order import LINES, check, form_fields, read_post
from app.intake.web_products import Product

PRODUCTS = [
    Product("RICE-25", "Rice, 25 kg sack", 1350.0, True),
    Product("OIL-1L", "Cooking oil, 1 L", 95.0, True),
]
SAY = Catalog(ENGLISH)


def test_older_forms_fields_read_as_todays():
    # what every shop set up before asked: an order number (now the shop's), code and quantity
    assert form_fields(["number", "customer", "email", "sku", "qty"]) == [
        "lines",
        "customer",
        "phone",
        "address",
        "email",
    ]
    assert form_fields([]) == ["lines", "customer", "phone", "address"]
    assert form_fields(["name", "gift_wrap", "notes"]) == [
        "lines",
        "customer",
        "phone",
        "address",
        "gift_wrap",
        "notes",
    ]


def test_a_post_made_for_an_older_form_is_one_line():
    fields = form_fields(["customer", "phone", "address"])
    values = {"name": ["Ana"], "phone": ["0917 123 4567"], "address": ["Mabini"], "sku": ["X"]}
    order, problems = check(read_post(values, fields), None, SAY)
    assert problems == [] and order["lines"] == [{"sku": "X", "qty": 1}]
    assert order["customer"]["name"] == "Ana"


def test_the_same_product_on_two_rows_is_one_line():
    fields = form_fields([])
    values = {
        "customer": ["Ana"],
        "phone": ["+63 917 123 4567"],
        "address": ["Mabini"],
        "sku_1": ["RICE-25"],
        "qty_1": ["1"],
        "sku_4": ["RICE-25"],
        "qty_4": ["2"],
    }
    order, problems = check(read_post(values, fields), PRODUCTS, SAY)
    assert problems == [] and order["lines"] == [{"sku": "RICE-25", "qty": 3}]


def test_a_wrong_email_or_phone_is_said():
    fields = form_fields(["email"])
    values = {
        "customer": ["Ana"],
        "phone": ["call me"],
        "address": ["Mabini"],
        "email": ["ana at example"],
        "sku_1": ["OIL-1L"],
        "qty_1": ["1"],
    }
    _, problems = check(read_post(values, fields), PRODUCTS, SAY)
    assert {p.box for p in problems} == {"phone", "email"}
    assert any("does not look like a phone number" in p.sentence for p in problems)


posted = st.dictionaries(
    st.sampled_from(
        ["customer", "phone", "address", "email", "notes", "name", "sku", "qty"]
        + [f"{k}_{n}" for k in ("sku", "qty") for n in range(1, LINES + 2)]
    ),
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(["RICE-25", "OIL-1L", "0", "1", "-3", "1e3", "٣", "99999"]),
        ),
        min_size=1,
        max_size=2,
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(values=posted, listed=st.booleans())
def test_any_post_is_an_order_or_problems_in_words(values, listed):
    products = PRODUCTS if listed else None
    order, problems = check(read_post(values, form_fields([])), products, SAY)
    if problems:
        assert all(p.sentence and p.box for p in problems)
        return
    assert order["lines"] and order["customer"]["name"].strip()
    assert order["customer"]["phone"].strip() and order["customer"]["address"].strip()
    for line in order["lines"]:
        assert isinstance(line["qty"], int) and line["qty"] >= 1
        if listed:
            assert line["sku"] in {p.code for p in PRODUCTS}
