"""Exporting the filtered orders: CSV and Excel files hold exactly the rows ``list_orders``
shows for the same filter, in the same order; secrets never appear; spreadsheet formulas are
never run; progress is reported and a stopped export leaves no file; the CLI verb."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.core import catalog, order_states, redact
from app.core import i18n as core_i18n
from app.steps import registry
from app.store.db import Database
from app.store.export import COLUMNS, ExportStopped, cells, export_orders
from app.store.queries import list_orders, list_runs
from app.store.runs import RunStore
from tests.support.engine import save

SECRET = "sk_live_9f8e7d6c5b4a39281706"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return tmp_path_factory.mktemp("export") / "data"


@pytest.fixture(autouse=True)
def secret_known():
    """The token is known to every test, as to the process that read it (the known secrets
    are forgotten after each test)."""
    redact.remember([SECRET])


@pytest.fixture(scope="module")
def db(data):
    """1,200 orders (more than one read batch and one progress step), shared: tests only
    read them."""
    data.mkdir()
    db = Database.open_dir(data)
    save(
        db,
        {
            "name": "shop",
            "business_key": "{{ trigger.order.number }}",
            "steps": [{"name": "note", "type": "transform", "config": {"values": {}}}],
        },
    )
    store = RunStore(db, registry().specs)
    redact.remember([SECRET])  # as a connection's token is, once read
    names = [
        "Aling Nena",
        "José Rizal",
        '=HYPERLINK("http://evil")',
        f"Ana {SECRET}",
        "Ben Cruz",
        "-2+3",
    ]
    for i in range(1200):  # more than one batch and one progress step
        name = names[i % len(names)]
        store.start_run(
            "shop",
            {
                "order": {
                    "number": str(6000 + i),
                    "total": i * 1.25,
                    "customer": {"name": name},
                    "lines": [{"sku": "RICE-25" if i % 2 else "OIL-1L"}],
                }
            },
            practice=(i % 7 == 0),
        )
    yield db
    db.close()


def expected(db, **filters):
    with db.read() as s:
        return [cells(r) for r in list_orders(s, limit=100_000, **filters)]


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def as_csv(row):
    out = []
    for v in row:
        if v is None:
            out.append("")
        elif isinstance(v, datetime):
            out.append(v.strftime("%Y-%m-%d %H:%M:%S"))
        elif isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
            out.append("'" + v)
        else:
            out.append(str(v))
    return out


@pytest.mark.parametrize(
    "filters", [{}, {"search": "oil nena"}, {"search": "OIL-1L", "sort": "total"}]
)
def test_csv_rows_match_the_list(db, tmp_path, filters):
    seen = []
    n = export_orders(
        db, tmp_path / "orders.csv", progress=lambda d, t: seen.append((d, t)), **filters
    )
    want = expected(db, **filters)
    rows = read_csv(tmp_path / "orders.csv")
    assert rows[0] == [title for _a, title in COLUMNS]
    assert rows[1:] == [as_csv(r) for r in want] and n == len(want) > 0
    assert seen[-1] == (n, n)
    with db.read() as s:  # the same orders list_runs finds
        assert [r[-1] for r in rows[1:]] == [r.id for r in list_runs(s, limit=100_000, **filters)]


@pytest.mark.parametrize("filters", [{}, {"search": "cruz"}, {"status": "running"}])
def test_xlsx_rows_match_the_list(db, tmp_path, filters):
    n = export_orders(db, tmp_path / "orders.xlsx", **filters)
    sheet = load_workbook(tmp_path / "orders.xlsx").active
    got = [list(r) for r in sheet.iter_rows(values_only=True)]
    want = expected(db, **filters)
    assert got[0] == [title for _a, title in COLUMNS]
    assert n == len(want) == len(got) - 1
    for g, w in zip(got[1:], want, strict=True):
        assert [same(a, b) for a, b in zip(g, w, strict=True)] == [True] * len(COLUMNS), (g, w)


def same(read: object, written: object) -> bool:
    """Excel keeps times to the millisecond and reads an empty text back as no value."""
    if isinstance(written, datetime):
        return abs(read.timestamp() - written.timestamp()) < 0.002
    return read == (None if written == "" else written)


def test_secrets_never_appear_and_formulas_are_text(db, tmp_path):
    export_orders(db, tmp_path / "o.csv")
    export_orders(db, tmp_path / "o.xlsx")
    text = (tmp_path / "o.csv").read_text(encoding="utf-8-sig")
    assert SECRET not in text and "Ana " in text
    assert "'=HYPERLINK" in text and "'-2+3" in text
    book = load_workbook(tmp_path / "o.xlsx")
    values = [c for r in book.active.iter_rows(values_only=True) for c in r]
    assert not any(SECRET in str(v) for v in values)
    formula = next(
        c for r in book.active.iter_rows() for c in r if str(c.value).startswith("=HYPERLINK")
    )
    assert formula.data_type == "s"  # shown, never run
    import zipfile

    assert SECRET.encode() not in b"".join(
        zipfile.ZipFile(tmp_path / "o.xlsx").read(n)
        for n in zipfile.ZipFile(tmp_path / "o.xlsx").namelist()
    )


def test_a_stopped_export_leaves_the_old_file_and_no_partial_one(db, tmp_path):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "orders.csv"
    target.write_text("the old export")
    with pytest.raises(ExportStopped):
        export_orders(db, target, progress=lambda done, total: done < 500)
    assert target.read_text() == "the old export"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["orders.csv"]


def test_cli_runs_export_and_search(db, data, tmp_path, capsys):
    data_dir = data
    out = tmp_path / "nena.xlsx"
    assert (
        main(["runs", "export", "-o", str(out), "--search", "aling", "--data-dir", str(data_dir)])
        == 0
    )
    assert capsys.readouterr().out.strip() == f"Exported 200 orders to {out}."
    assert load_workbook(out).active.max_row == 201
    assert main(["runs", "list", "--search", "nena@", "--data-dir", str(data_dir)]) == 0
    assert (
        main(["runs", "list", "--search", "José 6001", "--json", "--data-dir", str(data_dir)]) == 0
    )
    assert '"business_key": "6001"' in capsys.readouterr().out
    assert (
        main(["runs", "export", "-o", str(tmp_path / "no" / "x.csv"), "--data-dir", str(data_dir)])
        != 0
    )
    assert "Could not write" in capsys.readouterr().err
    assert main(["runs", "export", "-o", str(tmp_path / "x.txt"), "--data-dir", str(data_dir)]) != 0
    assert "end the file name with .csv or .xlsx" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "working", "practice", "header"),
    [
        ("en", "In progress", "Practice run, in progress", "Status"),
        ("fil", None, None, None),  # Filipino: the list's own words, whatever they are
    ],
)
def test_states_are_said_in_words_as_the_list_says_them(
    db, tmp_path, language, working, practice, header
):
    """An export is opened in a spreadsheet by the operator: its states read as the orders list
    reads them ("Done", "Practice run", not ``succeeded``), in the operator's language."""
    before = core_i18n.installed()
    if language == "fil":
        core_i18n.install(catalog.load(catalog.FILIPINO))
    try:
        export_orders(db, tmp_path / "o.csv")
        rows = read_csv(tmp_path / "o.csv")
        with db.read() as s:
            listed = {r.id: r for r in list_orders(s, limit=100_000)}
        said = {
            r.id: order_states.said(
                r.status, cancelled=r.cancelled, practice=r.practice, demo=r.demo
            )
            for r in listed.values()
        }
        titles = [core_i18n.translate("Export", title) for _a, title in COLUMNS]
    finally:
        core_i18n.install(before)
    status_at = [a for a, _t in COLUMNS].index("status")
    assert rows[0] == titles and (header is None or rows[0][status_at] == header)
    got = {row[-1]: row[status_at] for row in rows[1:]}
    assert got == said  # the same words as the list's, row by row
    assert not set(got.values()) & {"succeeded", "running", "needs_attention", "waiting"}
    if language == "en":
        kinds = set(got.values())
        assert kinds == {working, practice}  # the fixture's orders are not run
    else:
        assert not set(got.values()) & {"In progress", "Practice run, in progress"}
        assert "Status" not in rows[0]
