"""The order typed in by hand offers the stock sheet's products by the name the stock check
gives order lines (its name column), as the customers' emails say them."""

from __future__ import annotations

from app.ui.new_order import load_shape


def test_the_products_on_offer_are_named_as_the_stock_check_names_them(gui):
    ctx, _window = gui
    shape = load_shape(ctx, "Order fulfilment")
    assert not shape.problem
    by_code = {p["key"]: p for p in shape.products}
    assert by_code["SARDINES-155"]["find"] == "SARDINES-155 — Sardines, 155 g"
    assert by_code["SARDINES-155"]["label"].startswith("SARDINES-155 — Sardines, 155 g (in stock: ")
    assert "price: " in by_code["RICE-25"]["label"]


def test_the_typed_in_order_promises_no_email(gui, qtbot):
    """A shop that chose not to email customers types orders in too: the dialog says the order
    runs every step of its workflow, not that an email goes out."""
    from app.ui.new_order import NewOrderDialog
    from app.ui.text import PlainLabel

    ctx, window = gui
    dialog = NewOrderDialog(ctx, window, workflow="charge")
    intro = next(w.text() for w in dialog.findChildren(PlainLabel) if "phone" in w.text())
    assert "every step of it" in intro and "email" not in intro
    dialog.close()


def test_a_typed_in_order_carries_its_total_at_the_sheets_prices(gui, qtbot):
    """As a marketplace's order and the web form's do: a workflow's “total over ₱5,000?”
    reads ``trigger.order.total`` whatever the channel. A product typed that the sheet has no
    price for leaves the total out rather than a wrong one."""
    from app.ui.new_order import NewOrderDialog

    ctx, window = gui
    dialog = NewOrderDialog(ctx, window, workflow="Order fulfilment")
    qtbot.waitUntil(dialog.start_b.isEnabled, timeout=10000)
    dialog.customer.setText("Aling Nena")
    line = dialog.lines[0]
    line.product.setCurrentIndex(line.product.findData("RICE-25"))
    line.qty.setValue(2)
    dialog.add_line()
    dialog.lines[1].product.setCurrentIndex(dialog.lines[1].product.findData("OIL-1L"))
    dialog.lines[1].qty.setValue(3)
    order = dialog.order()
    assert order["lines"] == [{"sku": "RICE-25", "qty": 2}, {"sku": "OIL-1L", "qty": 3}]
    assert order["total"] == 2 * 1350 + 3 * 95 and order["currency"] == "PHP"
    dialog.close()


def test_typed_in_orders_are_numbered_in_the_shops_sequence(gui, qtbot):
    """The form suggests H-0001, then H-0002 — numbers an operator can say on the phone — where
    it suggested “H-DF6DC6”; a number typed instead takes nothing from the sequence."""
    from app.ui.new_order import NewOrderDialog

    ctx, window = gui

    def typed_in(number: str | None = None) -> str:
        dialog = NewOrderDialog(ctx, window, workflow="Order fulfilment")
        qtbot.waitUntil(dialog.start_b.isEnabled, timeout=10000)
        suggested = dialog.number.text()
        if number is not None:
            dialog.number.setText(number)
        dialog.customer.setText("Aling Nena")
        line = dialog.lines[0]
        line.product.setCurrentIndex(line.product.findData("RICE-25"))
        with qtbot.waitSignal(dialog.started, timeout=15000):
            dialog.submit()
        return suggested

    assert typed_in() == "H-0001"
    assert typed_in("A-17") == "H-0002"  # offered, not taken
    assert typed_in() == "H-0002"
    assert typed_in() == "H-0003"


def test_demo_orders_typed_in_are_numbered_in_the_sequence_too(gui, qtbot):
    """In the demo a typed-in order starts as a demo run, without an intake item: the next one
    was offered DEMO-H-0001 again."""
    from app import demo
    from app.ui.new_order import NewOrderDialog

    ctx, window = gui
    demo.start(ctx.runtime)
    numbers = []
    for _ in range(2):
        dialog = NewOrderDialog(ctx, window, workflow="Order fulfilment")
        qtbot.waitUntil(dialog.start_b.isEnabled, timeout=10000)
        numbers.append(dialog.number.text())
        dialog.customer.setText("Aling Nena")
        line = dialog.lines[0]
        line.product.setCurrentIndex(line.product.findData("RICE-25"))
        with qtbot.waitSignal(dialog.started, timeout=15000):
            dialog.submit()
    assert numbers == ["DEMO-H-0001", "DEMO-H-0002"]


def test_two_desks_offered_the_same_number_start_two_numbers(gui, qtbot):
    """Two forms open at once are both offered H-0001 (the sequence as read when each opened).
    The first started takes it; the second starts as H-0002 and stays open saying so, with its
    number shown, for the operator to give the customer the right one."""
    from app.store.models import Run
    from app.ui.new_order import NewOrderDialog

    ctx, window = gui
    forms = [NewOrderDialog(ctx, window, workflow="Order fulfilment") for _ in range(2)]
    for dialog in forms:
        qtbot.waitUntil(dialog.start_b.isEnabled, timeout=10000)
        dialog.customer.setText("Aling Nena")
        line = dialog.lines[0]
        line.product.setCurrentIndex(line.product.findData("RICE-25"))
    assert [d.number.text() for d in forms] == ["H-0001", "H-0001"]
    first, second = forms
    with qtbot.waitSignal(first.started, timeout=15000):
        first.submit()
    assert not first.isVisible()
    second.show()
    with qtbot.waitSignal(second.started, timeout=15000) as started:
        second.submit()
    assert second.isVisible() and second.number.text() == "H-0002"
    assert second.number.isReadOnly()
    said = second.outcome.result.text()
    assert said.startswith("Order H-0002 ") and "It is not H-0001" in said
    with ctx.db.read() as s:
        assert s.get(Run, started.args[0]).business_key == "H-0002"
        keys = sorted(k for (k,) in s.query(Run.business_key).filter(Run.practice.is_(False)))
    assert [k for k in keys if k.startswith("H-")] == ["H-0001", "H-0002"]
    second.close()


def test_orders_started_at_the_same_moment_never_share_a_number(gui):
    """Four desks press Start at the same moment, each offered H-0001: the writes take turns
    and each takes the next number there, so four orders are H-0001…H-0004 and the audit says
    each one's own number."""
    import threading

    from app.store.models import AuditEntry, Run
    from app.ui.new_order import load_shape, start_order

    ctx, _window = gui
    shape = load_shape(ctx, "Order fulfilment")
    assert shape.number == "H-0001"
    order = {
        "number": "H-0001",
        "customer": {"name": "Aling Nena"},
        "lines": [{"sku": "RICE-25", "qty": 1}],
    }
    results: list = []
    go = threading.Barrier(4)

    def desk(i: int) -> None:
        go.wait()
        results.append(start_order(ctx, shape, dict(order), f"manual:desk-{i}", who=f"desk {i}"))

    desks = [threading.Thread(target=desk, args=(i,)) for i in range(4)]
    for t in desks:
        t.start()
    for t in desks:
        t.join(30)
    assert sorted(r.number for r in results) == ["H-0001", "H-0002", "H-0003", "H-0004"]
    with ctx.db.read() as s:
        for r in results:
            run = s.get(Run, r.run_id)
            assert run.business_key == r.number == run.trigger["order"]["number"]
            entry = s.query(AuditEntry).filter_by(action="order_entered", run_id=r.run_id).one()
            assert entry.after["number"] == r.number
    assert sum("took that number meanwhile" in r.sentence for r in results) == 3
