"""Who can reach the web intake: the workspace's choice (this computer, or the shop's network)
decides where the real waitress server listens and which Host names it answers; switching back
closes the network listener; the choice survives a restart; the environment variables win."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from app.host import Host, build_runtime
from app.intake import web_addresses, web_reach
from app.intake.manager import IntakeManager
from app.runtime.runtime import Runtime
from app.store.db import Database
from tests.support.engine import open_database, save

pytestmark = pytest.mark.sqlite_only("the subject is the listener, not the database")

FORM = {"fields": ["number", "customer", "sku", "qty"], "form": True, "form_per_minute": 60}
WORKFLOW = {
    "name": "orders",
    "business_key": "{{ trigger.order.number | default('') }}",
    "triggers": [{"id": "web", "type": "webhook", "config": FORM}],
    "steps": [{"name": "note", "type": "transform", "config": {"values": {"n": "1"}}}],
}
ORDER = {"customer": "Ana", "phone": "0917 123 4567", "address": "Mabini St.", "sku": "MUG"}
LAN = web_reach.lan_addresses()
NO_LAN = "this sandbox has no network address besides loopback (only 127.0.0.1 is configured)"


@contextmanager
def started(db: Database, data_dir: Path, **kw: object) -> Iterator[Runtime]:
    rt = Runtime(db, data_dir=data_dir, poll_interval=0.2)
    rt.intake = IntakeManager(web_port=0, **kw)  # type: ignore[arg-type]
    rt.add_extension(rt.intake)
    rt.start()
    try:
        yield rt
    finally:
        rt.shutdown(grace=2)


@pytest.fixture
def db(data_dir: Path, keyring_tmp: Path, database: str) -> Iterator[Database]:
    d = open_database(data_dir)
    save(d, WORKFLOW)
    yield d
    d.close()


def form_path() -> str:
    return "/form/orders/web"


def answers(base: str, host: str | None = None) -> int:
    """The status of a GET of the order form at ``base`` (raises when nothing listens)."""
    headers = {"Host": host} if host else {}
    return httpx.get(base + form_path(), headers=headers, timeout=5).status_code


def test_the_choice_decides_where_the_form_listens_and_which_host_names_it_answers(db, data_dir):
    with started(db, data_dir) as rt:
        intake = rt.intake
        port = intake.web.port
        assert (intake.web_host, intake.reach.network) == ("127.0.0.1", False)
        assert answers(f"http://127.0.0.1:{port}") == 200
        if LAN:  # bound to loopback: the shop's network gets no answer at all
            with pytest.raises(httpx.ConnectError):
                answers(f"http://{LAN[0]}:{port}")

        web_reach.choose(db, web_reach.NETWORK)
        reach = intake.apply_web_reach()
        assert reach.network and intake.web_host == "0.0.0.0" and intake.web.port == port
        assert reach.lan == tuple(LAN)
        assert {f"{ip}:{port}" for ip in LAN} <= intake.web.allowed
        # a page of another name pointed at this computer (DNS rebinding) is refused
        assert answers(f"http://127.0.0.1:{port}", host=f"shop.example:{port}") == 421
        assert answers(f"http://127.0.0.1:{port}") == 200  # this computer still works
        shown = web_addresses.reachable(db, intake)
        assert shown.bases == tuple(f"http://{ip}:{port}" for ip in LAN)

        if not LAN:
            pytest.skip(NO_LAN)
        lan = f"http://{LAN[0]}:{port}"
        page = httpx.get(lan + form_path(), timeout=5)
        assert page.status_code == 200 and "form_token" in page.text
        token = page.text.split("name='form_token' value='")[1].split("'")[0]
        posted = httpx.post(lan + form_path(), data={**ORDER, "form_token": token}, timeout=5)
        assert posted.status_code == 201, posted.text  # an order from a phone on the Wi-Fi
        assert answers(lan, host=f"shop.example:{port}") == 421

        web_reach.choose(db, web_reach.THIS_COMPUTER)
        assert not intake.apply_web_reach().network
        assert intake.web_host == "127.0.0.1"
        with pytest.raises(httpx.ConnectError):  # the network listener is closed
            answers(lan)
        assert answers(f"http://127.0.0.1:{port}") == 200


def test_the_choice_survives_a_restart(db, data_dir):
    assert web_reach.chosen(db) == web_reach.THIS_COMPUTER  # the default
    web_reach.choose(db, web_reach.NETWORK)
    db.close()
    again = open_database(data_dir)  # a new start: a new database handle, a new IntakeManager
    try:
        with started(again, data_dir) as rt:
            assert rt.intake.web_host == "0.0.0.0" and rt.intake.reach.network
            assert {f"{ip}:{rt.intake.web.port}" for ip in LAN} <= rt.intake.web.allowed
    finally:
        again.close()


def test_the_environment_wins_over_the_choice(db, data_dir, monkeypatch):
    web_reach.choose(db, web_reach.NETWORK)
    monkeypatch.setenv("DALOY_WEB_HOST", "127.0.0.1")
    monkeypatch.setenv("DALOY_WEB_ALLOWED_HOSTS", "orders.office.lan:8787, ")
    host, allowed = web_reach.from_environment()
    assert (host, allowed) == ("127.0.0.1", ["orders.office.lan:8787"])
    runtime = build_runtime(Host(str(data_dir)))  # the app's own assembly reads them
    assert (runtime.intake.fixed_host, runtime.intake.fixed_allowed) == (host, allowed)
    runtime.db.close()
    with started(db, data_dir, web_host=host, allowed_hosts=allowed) as rt:
        intake = rt.intake
        assert intake.web_host == "127.0.0.1" and intake.reach.outside
        assert not intake.apply_web_reach().network  # the choice changes nothing here
        assert intake.web_host == "127.0.0.1"
        port = intake.web.port
        assert answers(f"http://127.0.0.1:{port}", host="orders.office.lan:8787") == 200
        assert answers(f"http://127.0.0.1:{port}", host=f"shop.example:{port}") == 421
        assert web_addresses.reachable(db, intake).reach.outside


def test_without_a_choice_or_a_database_only_this_computer():
    reach = web_reach.resolve(None)
    assert (reach.network, reach.listen, reach.allowed, reach.outside) == (
        False,
        "127.0.0.1",
        (),
        False,
    )
    assert web_reach.resolve(None, None, ["a.lan"]).outside


def test_addresses_found_are_neither_loopback_nor_link_local():
    for ip in LAN:
        assert not ip.startswith(("127.", "169.254.")) and ip != "0.0.0.0"
    assert web_reach.host_names(["192.168.1.20", "a.lan:80"], 8787) == {
        "192.168.1.20",
        "192.168.1.20:8787",
        "a.lan:80",
    }
    assert web_addresses.on_network(
        "http://127.0.0.1:8787/form/A%20b/web", "http://127.0.0.1:8787", "http://10.0.0.5:8787"
    ) == ("http://10.0.0.5:8787/form/A%20b/web")
