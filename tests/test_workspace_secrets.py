"""Secrets per workspace (data folder), the move from the names older versions used, and the
keyring story: a refused keyring is said in words (inbox, web intake), with the technical side
only in the details; the source install and the installed app ship the same backends."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import keyring
import keyring.errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyrings.alt.file import PlaintextKeyring

from app import secrets
from app.core.model import Trigger, Workflow
from app.intake.web import WebIntake, ensure_token
from app.intake.web_form import INSTALL_KEY
from app.steps import registry
from app.store import connections, workspace
from app.store.db import Database
from app.store.runs import RunStore

ROOT = Path(__file__).resolve().parents[1]
SMTP = {"host": "mail.example.com", "port": 587, "security": "starttls", "username": "shop"}
TECHNICAL = re.compile(r"keyrings?\.|[a-z]Keyring\b|DALOY_|PYTHON_KEYRING|\bbackend\b")


def open_db(folder: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    return Database.open_dir(folder)


def as_older_daloy(db: Database) -> None:
    """Make ``db`` look as an older Daloy left it: no workspace id, nothing moved yet."""
    with db.write() as s:
        s.execute(
            __import__("sqlalchemy").text(
                "delete from settings where key in ('workspace_id', 'secrets_namespaced')"
            )
        )


def legacy(name: str, field: str) -> str | None:
    return keyring.get_password("daloy", f"{name}:{field}")


# -- two workspaces on one computer --------------------------------------------------------------
def test_two_workspaces_with_one_connection_name_keep_separate_secrets(tmp_path, keyring_tmp):
    shop, demo = open_db(tmp_path / "shop"), open_db(tmp_path / "demo")
    try:
        for db, password in ((shop, "shop-pass-1"), (demo, "demo-pass-2")):
            with db.write() as s:
                connections.save(s, "shop-email", "smtp", SMTP, {"password": password})
        assert workspace.id_of(shop) != workspace.id_of(demo)
        assert (
            connections.ConnectionProvider(shop).secret("shop-email", "password") == "shop-pass-1"
        )
        assert (
            connections.ConnectionProvider(demo).secret("shop-email", "password") == "demo-pass-2"
        )
        with demo.write() as s:  # removing it in one workspace...
            connections.remove(s, "shop-email")
        provider = connections.ConnectionProvider(shop)  # ...leaves the other's password
        assert provider.secret("shop-email", "password") == "shop-pass-1"
        assert not secrets.has_secret("shop-email", "password", workspace.id_of(demo))
        # Nothing under the shared name any more: that is what deleted another's password.
        assert legacy("shop-email", "password") is None
    finally:
        shop.close()
        demo.close()


def test_the_workspace_id_is_stable_across_opens_and_kept_in_the_database(tmp_path, keyring_tmp):
    db = open_db(tmp_path / "shop")
    first = workspace.id_of(db)
    db.close()
    db = open_db(tmp_path / "shop")
    try:
        assert workspace.id_of(db) == first == secrets.current_workspace()
        assert (
            db.execute_sql("select value from settings where key='workspace_id'")[0][0]
            == f'"{first}"'
        )
    finally:
        db.close()


# -- the move from the shared names --------------------------------------------------------------
def test_an_older_workspace_s_secrets_move_to_its_own_names_on_first_open(tmp_path, keyring_tmp):
    folder = tmp_path / "shop"
    db = open_db(folder)
    wf = Workflow.from_dict(
        {
            "format_version": 1,
            "name": "orders",
            "steps": [],
            "triggers": [{"id": "site", "type": "webhook", "config": {}}],
        }
    )
    from tests.support.engine import save

    save(db, wf)
    with db.write() as s:
        connections.save(s, "shop-email", "smtp", SMTP)
    as_older_daloy(db)
    db.close()
    # What an older Daloy saved: the shared names.
    keyring.set_password("daloy", "shop-email:password", "old-mail-pass")
    keyring.set_password("daloy", "trigger:orders/site:token", "old-hook-token")
    keyring.set_password("daloy", "intake:web:form_key", "old-form-key")
    # Another workspace, already upgraded, with the same connection name.
    other = "0e6f4f1c-4c5e-4d4b-9a57-0c6e3b2f9a11"
    keyring.set_password("daloy", f"{other}/shop-email/password", "other-pass")

    db = open_db(folder)  # the first open after the upgrade
    try:
        ws = workspace.id_of(db)
        assert secrets.get_secret("shop-email", "password", ws) == "old-mail-pass"
        assert keyring.get_password("daloy", f"{ws}/shop-email/password") == "old-mail-pass"
        assert keyring.get_password("daloy", f"{ws}/trigger:orders/site/token") == "old-hook-token"
        assert ensure_token("orders", "site") == "old-hook-token"  # the sender's token works
        assert secrets.get_secret(*INSTALL_KEY, ws) == "old-form-key"
        assert legacy("shop-email", "password") is None  # the old name is gone
        assert legacy("trigger:orders/site", "token") is None
        assert keyring.get_password("daloy", f"{other}/shop-email/password") == "other-pass"
        # Idempotent: again (even with the note cleared) changes nothing.
        with db.write() as s:
            s.execute(
                __import__("sqlalchemy").text("delete from settings where key='secrets_namespaced'")
            )
        assert workspace.migrate_legacy(db, ws) == 0
        assert secrets.get_secret("shop-email", "password", ws) == "old-mail-pass"
        assert keyring.get_password("daloy", f"{other}/shop-email/password") == "other-pass"
    finally:
        db.close()


class RefusesWrites(PlaintextKeyring):
    """A real file keyring that refuses to save (a locked keyring in the middle of the move)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keyring is locked")


def test_the_old_name_is_removed_only_after_the_new_one_is_written(tmp_path, keyring_tmp):
    folder = tmp_path / "shop"
    db = open_db(folder)
    with db.write() as s:
        connections.save(s, "shop-email", "smtp", SMTP)
    as_older_daloy(db)
    db.close()
    keyring.set_password("daloy", "shop-email:password", "old-mail-pass")
    working = keyring.get_keyring()
    locked = RefusesWrites()
    locked.file_path = working.file_path  # type: ignore[attr-defined]
    keyring.set_keyring(locked)
    try:
        db = open_db(folder)  # the move fails: nothing is lost
        ws = workspace.id_of(db)
        assert legacy("shop-email", "password") == "old-mail-pass"
        assert keyring.get_password("daloy", f"{ws}/shop-email/password") is None
        db.close()
    finally:
        keyring.set_keyring(working)
    db = open_db(folder)  # tried again at the next open
    try:
        assert keyring.get_password("daloy", f"{ws}/shop-email/password") == "old-mail-pass"
        assert legacy("shop-email", "password") is None
    finally:
        db.close()


def test_a_new_workspace_never_takes_another_workspace_s_secrets(tmp_path, keyring_tmp):
    shop = open_db(tmp_path / "shop")
    with shop.write() as s:
        connections.save(s, "shop-email", "smtp", SMTP, {"password": "shop-pass"})
    shop_ws = workspace.id_of(shop)
    shop.close()
    fresh = open_db(tmp_path / "fresh")
    try:
        with fresh.write() as s:
            connections.save(s, "shop-email", "smtp", SMTP)
        assert not connections.ConnectionProvider(fresh).has_secret("shop-email", "password")
        assert keyring.get_password("daloy", f"{shop_ws}/shop-email/password") == "shop-pass"
    finally:
        fresh.close()


# -- a refused keyring, in words -----------------------------------------------------------------
def test_a_refused_keyring_is_an_inbox_entry_in_words_at_start(data_dir, keyring_tmp, monkeypatch):
    db = Database.open_dir(data_dir)
    try:
        monkeypatch.delenv("DALOY_ALLOW_INSECURE_KEYRING")
        ok, sentence = secrets.check_backend()
        assert not ok and not TECHNICAL.search(sentence) and "restart Daloy" in sentence
        connections.ConnectionProvider(db)  # what the engine does when it starts
        rows = db.execute_sql(
            "select kind, title, reason, detail from inbox_items where status='open'"
        )
        assert len(rows) == 1
        kind, title, reason, detail = rows[0]
        assert kind == "system" and "Passwords cannot be kept" in title
        assert reason == sentence and not TECHNICAL.search(title + reason)
        assert "PlaintextKeyring" in detail and "DALOY_ALLOW_INSECURE_KEYRING" in detail
        connections.ConnectionProvider(db)  # one problem, one entry
        assert db.execute_sql("select count(*) from inbox_items")[0][0] == 1
        monkeypatch.setenv("DALOY_ALLOW_INSECURE_KEYRING", "1")
        connections.ConnectionProvider(db)  # usable again: the entry closes
        assert db.execute_sql("select count(*) from inbox_items where status='open'")[0][0] == 0
    finally:
        db.close()


def test_a_webhook_whose_token_cannot_be_read_answers_503_in_words(
    data_dir, keyring_tmp, monkeypatch
):
    db = Database.open_dir(data_dir)
    wf = Workflow.from_dict({"format_version": 1, "name": "orders", "steps": []})
    server = WebIntake(
        RunStore(db, registry().specs), [(wf, Trigger("shop", "webhook", {"auth": "token"}))]
    ).start()
    try:
        token = ensure_token("orders", "shop")
        monkeypatch.delenv("DALOY_ALLOW_INSECURE_KEYRING")
        r = httpx.post(
            f"{server.url}/hook/orders/shop",
            json={"order": {"number": "1"}},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 503 and r.headers["Retry-After"]
        said = r.json()["error"]
        assert "send it again later" in said and "Traceback" not in r.text
        assert not TECHNICAL.search(said)
        last_error = db.execute_sql(
            "select last_error from channel_states where channel='orders/shop'"
        )[0][0]
        assert "refused" in last_error and not TECHNICAL.search(last_error)
        assert db.execute_sql("select kind from inbox_items where status='open'") == [("system",)]
        assert db.execute_sql("select count(*) from runs")[0][0] == 0
    finally:
        server.stop()
        db.close()


# -- one story in the source install and the installed app ---------------------------------------
def test_the_installed_app_ships_the_same_keyring_backends_as_the_source_install():
    spec = (ROOT / "packaging" / "daloy.spec").read_text(encoding="utf-8")
    excludes = spec.split("excludes = [", 1)[1].split("]", 1)[0]
    assert '"keyrings"' not in excludes and "keyrings.alt" not in excludes
    assert 'collect_submodules("keyrings.alt")' in spec and 'copy_metadata("keyrings.alt")' in spec
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    dependencies = project.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert "keyrings.alt" in dependencies  # installed by `pip install .` as well
    assert INSTALL_KEY in workspace.OTHER_SECRETS  # the form key moves with the workspace


# -- any names: one workspace never reaches another's --------------------------------------------
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(min_size=1, max_size=30).filter(lambda n: not secrets.has_control_characters(n)),
    field=st.sampled_from(["password", "token", "form_key"]),
)
def test_any_connection_name_stays_in_its_workspace(keyring_tmp, name, field):
    shop, demo = "6b1d2f0e-1111-4c5e-9a57-0c6e3b2f9a11", "6b1d2f0e-2222-4c5e-9a57-0c6e3b2f9a11"
    secrets.set_secret(name, field, "shop-value", shop)
    assert not secrets.has_secret(name, field, demo)
    secrets.set_secret(name, field, "demo-value", demo)
    secrets.delete_secret(name, field, demo)
    assert secrets.get_secret(name, field, shop) == "shop-value"
    secrets.delete_secret(name, field, shop)
