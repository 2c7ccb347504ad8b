"""First-run setup without Qt: the operator's answers (shop name and currency, where orders come
from, how customers are charged, where stock lives, the email that confirms orders, how the
warehouse is told) turned into connections (secrets in the keyring), the sample workflow's draft,
and its publish through the store's one checked path (``drafts.publish``: refused with the
problems in words when something is missing). The wizard (``app.ui.first_run``) and tests call the same ``apply``.

Whether the first-run setup still has to be shown is a settings row (``FIRST_RUN_KEY``): done,
skipped or demo; a workspace that already has connections or real orders never asks.

Run again, it starts from the bundled sample while no operator edit was published since (see
``starting_point``), so every answer can be changed back; else from the operator's version.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from app.connectors import sheets
from app.core import own_notes
from app.core.errors import DaloyError
from app.core.i18n import translate
from app.core.model import Edge, Trigger, Workflow
from app.store import audit, connections, drafts, settings, workflows
from app.store.db import Database
from app.store.models import Connection, Run
from app.store.workflows import SavedVersion

FIRST_RUN_KEY = "first_run"  # "done" | "skipped" | "demo"
SAMPLE = "Order fulfilment"
SAMPLE_SHEET = "samples/inventory.xlsx"
# The connection names the setup writes (the sample's emails already use "shop-email").
INBOX, MARKETPLACE, PAYMENTS, SHOP_EMAIL = "shop-inbox", "marketplace", "payments", "shop-email"
# The stock sheet's columns the sample's steps read.
SHEET_COLUMNS = ("SKU", "Stock", "Price")
SOURCES = ("email", "web", "marketplace", "demo")
# The marketplace choice: a shop platform Daloy has a connector for (its connection kind, also its
# trigger type; the connection is named after it), or "marketplace", any shop system's web API.
PLATFORM_KINDS = ("shopee", "lazada", "shopify", "woocommerce")
MARKETPLACE_KINDS = (*PLATFORM_KINDS, "marketplace")
# How the warehouse hears of an order to pack: a post to its web address, an email through the
# confirmation email connection, or not at all (no warehouse system: the step is left out).
WAREHOUSE_WAYS = ("web", "email", "none")
WAREHOUSE_STEP = "notify_warehouse"
# How customers pay: through a payment service's web API (the sample's charge step), or on
# delivery / by bank transfer, common for small shops here (no charge step; the email says so).
PAYMENT_WAYS = ("service", "on_delivery")
CHARGE_STEP = "charge"
# The steps that email customers, per sample workflow, left out for a shop that tells its
# customers itself (a marketplace forbids outside emails, or it messages them on Facebook or
# Viber); "has_email" only chose whether to send the confirmation, so it goes with it.
BACKORDER = "Backorder"
CUSTOMER_EMAIL_STEPS = {
    SAMPLE: ("confirm_email", "cancel_email"),
    BACKORDER: ("cancel_email",),
}
# the questions before a customer email (the confirmation, a cancellation): both ways lead on
ASKS_FOR_EMAIL = ("has_email", "cancel_has_email")
CURRENCIES = ("PHP", "USD", "EUR", "GBP", "SGD", "MYR", "IDR", "THB", "VND", "AUD", "CAD", "INR")


@dataclass
class ConnectionValues:
    """One connection as the form gave it: settings for the database, secrets for the keyring."""

    kind: str
    settings: dict[str, Any]
    secrets: dict[str, str] = field(default_factory=dict)


@dataclass
class ShopChoices:
    shop_name: str = ""
    currency: str = "PHP"
    source: str = "web"  # one of SOURCES
    inbox: ConnectionValues | None = None  # source "email"
    marketplace: ConnectionValues | None = None  # source "marketplace": kind in MARKETPLACE_KINDS
    payments: ConnectionValues | None = None  # payment "service"
    payment: str = "service"  # one of PAYMENT_WAYS
    stock_file: str | None = None  # None: the sample sheet
    email: ConnectionValues | None = None
    # False: Daloy sends customers nothing (``email`` then only sends the warehouse's email)
    email_customers: bool = True
    # "none" by default: the sample's own address (127.0.0.1:8701) is never a real warehouse.
    warehouse: str = "none"  # one of WAREHOUSE_WAYS
    warehouse_address: str = ""  # its web address, or its email address


# -- whether to ask ----------------------------------------------------------------------------
def needs_first_run(db: Database) -> bool:
    """True on a shop not set up yet: never answered (done, skipped or demo), no connection
    and no real order."""
    with db.read() as s:
        if settings.has(s, FIRST_RUN_KEY):
            return False
        if s.scalar(select(func.count()).select_from(Connection)):
            return False
        return not s.scalar(select(func.count()).select_from(Run).where(Run.practice.is_(False)))


def mark(db: Database, state: str, who: str | None = None) -> None:
    with db.write() as s:
        settings.put(s, FIRST_RUN_KEY, state)
        audit.record(s, who, "first_run", after={"state": state})


# -- checks the wizard's pages make ------------------------------------------------------------
def check_sheet(path_text: str, data_dir: Path | None) -> str:
    """Read the stock sheet the operator chose: a sentence saying what was found, or a
    DaloyError saying what is wrong with it and what to do."""
    if not path_text.strip():
        raise DaloyError(
            translate(
                "Shop", "Choose the spreadsheet that holds your stock, or use the sample one."
            )
        )
    table = sheets.load(sheets.resolve(path_text, data_dir))
    missing = [
        c
        for c in SHEET_COLUMNS
        if not any(str(h).strip().lower() == c.lower() for h in table.header)
    ]
    if missing:
        have = ", ".join(str(h) for h in table.header if h not in (None, "")) or translate(
            "Shop", "no headings"
        )
        raise DaloyError(
            translate(
                "Shop",
                "{file} has no column {missing} in its first row (it has: {have}). Daloy needs "
                "the columns {columns}: add them, or use the sample sheet.",
            ).format(
                file=Path(table.path).name,
                missing=", ".join(missing),
                have=have,
                columns=", ".join(SHEET_COLUMNS),
            )
        )
    n = len(table.rows)
    if n == 1:
        found = translate("Shop", "Found 1 product in {file} (columns {columns}).")
    else:
        found = translate("Shop", "Found {count} products in {file} (columns {columns}).")
    return found.format(count=n, file=Path(table.path).name, columns=", ".join(SHEET_COLUMNS))


def check_warehouse(way: str, address: str, *, sender: bool = True) -> str:
    """The warehouse answer in words, or a DaloyError saying what to fix. ``sender``: an
    email connection exists to send from (emailing the warehouse needs one)."""
    address = address.strip()
    if way == "web":
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DaloyError(
                translate(
                    "Shop",
                    "Type the web address Daloy posts each order to, starting with "
                    "https:// (for example https://warehouse.example.com/orders).",
                )
            )
        return translate("Shop", "Each order to pack is posted to {address}.").format(
            address=address
        )
    if way == "email":
        name, domain = address.rpartition("@")[::2]
        if not name or "." not in domain or any(c.isspace() for c in address):
            raise DaloyError(
                translate(
                    "Shop",
                    "“{address}” is not an email address; type the warehouse's, for "
                    "example packing@shop.example.",
                ).format(address=address)
            )
        if not sender:
            raise DaloyError(
                translate(
                    "Shop",
                    "Emailing the warehouse needs an email account to send from. Go Back to "
                    "the email page and fill it in (customers still get no email from Daloy), "
                    "or choose another way to tell the warehouse.",
                )
            )
        return translate(
            "Shop", "Each order to pack is emailed to {address} (from the confirmation email)."
        ).format(address=address)
    if way == "none":
        return translate(
            "Shop",
            "No warehouse system: you pack from the Orders page (the step that tells a "
            "warehouse is left out).",
        )
    raise DaloyError(
        translate("Shop", "Unknown way to tell the warehouse “{way}”; use one of {ways}.").format(
            way=way, ways=", ".join(WAREHOUSE_WAYS)
        )
    )


def _leave_out(wf: Workflow, name: str, port: str = "out") -> None:
    """Take step ``name`` out of ``wf``, the steps that led to it now leading where its ``port``
    led (a step's other ports, such as "error", lead nowhere once it is gone)."""
    into = [e for e in wf.edges if e.target == name]
    after = [e.target for e in wf.edges if e.source == name and e.port == port]
    wf.edges = [e for e in wf.edges if name not in (e.source, e.target)]
    wf.edges += [Edge(e.source, e.port, t) for e in into for t in after]
    wf.steps = [st for st in wf.steps if st.name != name]


def _tell_warehouse(wf: Workflow, way: str, address: str) -> None:
    """The sample's “Tell the warehouse” step as answered: its web address, an email through
    the confirmation email connection (same step name, so the order's flow is unchanged), or
    left out with the steps around it joined."""
    step = wf.step(WAREHOUSE_STEP)
    settings = wf.step("settings")
    values = settings.config.setdefault("values", {}) if settings is not None else {}
    if step is None:
        return
    if way == "web":
        values["warehouse_webhook"] = address.strip()
        return
    values.pop("warehouse_webhook", None)
    if way == "email":
        message = step.config.get("message") or "Pack order {{ steps.order.output.number }}"
        values["warehouse_email"] = address.strip()
        step.type = "send_email"
        step.config = {
            "connection": SHOP_EMAIL,
            "to": "{{ steps.settings.output.warehouse_email }}",
            "subject": "Pack order {{ steps.order.output.number }}",
            "text": message,
        }
        return
    _leave_out(wf, WAREHOUSE_STEP)


def _no_customer_emails(wf: Workflow) -> None:
    """``wf`` without the steps that email customers, the steps around them joined; a question
    "has the customer an email?" goes too once both its ways lead to the same step."""
    for name in CUSTOMER_EMAIL_STEPS.get(wf.name, ()):
        if wf.step(name) is not None:
            _leave_out(wf, name)
    for asks in ASKS_FOR_EMAIL:
        ways = {(e.port, e.target) for e in wf.edges if e.source == asks}
        if wf.step(asks) is not None and len({t for _, t in ways}) == 1:
            _leave_out(wf, asks, port=next(iter(ways))[0])


# -- the workflow ------------------------------------------------------------------------------
def configure(wf: Workflow, choices: ShopChoices) -> Workflow:
    """The sample workflow with the operator's choices: shop name, currency, stock sheet and
    payment service in its settings step, the charge through the payments connection (or no
    charge, when customers pay on delivery), how the warehouse is told (or not), and the channel orders come from as a trigger (the manual one
    stays, for orders by hand)."""
    wf = copy.deepcopy(wf)
    settings = wf.step("settings")
    if settings is not None:
        values = settings.config.setdefault("values", {})
        if choices.shop_name.strip():
            values["shop_name"] = choices.shop_name.strip()
        values["currency"] = choices.currency
        values["inventory"] = choices.stock_file or SAMPLE_SHEET
        platform = _platform_title(choices)
        if choices.payment == "on_delivery" and platform:
            # a marketplace's orders are paid there (online or cash to its courier): the
            # emails say the platform handles payment, never "have PHP … ready" or "charged"
            values.pop("gateway", None)
            values["paid_on"] = platform
        elif choices.payment == "on_delivery":
            values.pop("gateway", None)
            values["pay_on_delivery"] = True  # the confirmation email asks for payment
        elif choices.payments is not None and choices.payments.settings.get("base_url"):
            values["gateway"] = str(choices.payments.settings["base_url"]).rstrip("/")
    _tell_warehouse(wf, choices.warehouse, choices.warehouse_address)
    charge = wf.step(CHARGE_STEP)
    if charge is not None and choices.payment == "on_delivery":
        _leave_out(wf, CHARGE_STEP)
    elif charge is not None and choices.payments is not None:
        charge.config["connection"] = PAYMENTS
    if not choices.email_customers:
        _no_customer_emails(wf)
    wf.triggers = [t for t in wf.triggers if t.type == "manual"]
    if choices.source == "email":
        wf.triggers.append(Trigger("email", "imap", {"connection": INBOX}))
    elif choices.source == "web":
        # the shop numbers the form's orders; a courier needs phone and address; the email
        # box only where Daloy emails customers (else it promised a confirmation never sent)
        fields = ["customer", "phone", "address", "email", "notes"]
        if not choices.email_customers:
            fields.remove("email")
        wf.triggers.append(Trigger("web", "webhook", {"form": True, "fields": fields}))
    elif choices.source == "marketplace":
        # A platform's own trigger: its orders arrive in Daloy's one order shape, which the
        # sample's “Read the order” step reads as it is (number, customer, lines, currency).
        kind = choices.marketplace.kind if choices.marketplace else "marketplace"
        wf.triggers.append(Trigger(kind, kind, {"connection": marketplace_connection(kind)}))
    return wf


def _platform_title(choices: ShopChoices) -> str:
    """“Shopee” when the shop's orders come from a shop platform Daloy knows, else ""."""
    kind = choices.marketplace.kind if choices.marketplace else ""
    if choices.source != "marketplace" or kind not in PLATFORM_KINDS:
        return ""
    from app.connectors.platforms.platform import by_connection_kind

    platform = by_connection_kind(kind)
    return platform.title if platform else kind.capitalize()


def marketplace_connection(kind: str) -> str:
    """The name the setup gives the connection to a marketplace of ``kind``: the platform's
    (“shopify”), so its authorisation's tokens are kept under the name saved on Finish."""
    return kind if kind in PLATFORM_KINDS else MARKETPLACE


def _connections(choices: ShopChoices) -> list[tuple[str, ConnectionValues]]:
    named = [
        (INBOX, choices.inbox if choices.source == "email" else None),
        (
            marketplace_connection(choices.marketplace.kind if choices.marketplace else ""),
            choices.marketplace if choices.source == "marketplace" else None,
        ),
        (PAYMENTS, choices.payments if choices.payment == "service" else None),
        (SHOP_EMAIL, choices.email),
    ]
    return [(n, c) for n, c in named if c is not None]


def apply(
    db: Database, specs: Any, choices: ShopChoices, *, who: str | None = None
) -> SavedVersion:
    """Write the connections (secrets to the keyring), save the sample workflow's draft with
    the choices and publish it switched on, through the one full check. Raises
    ``drafts.PublishRefused`` (its problems in words) when something is still missing; the
    connections and the draft stay saved, so the operator can fix the rest and publish."""
    from app.intake import trigger_registry

    who = who or audit.current_user()
    # nothing written if wrong
    check_warehouse(choices.warehouse, choices.warehouse_address, sender=choices.email is not None)
    if choices.payment not in PAYMENT_WAYS:
        raise DaloyError(
            translate("Shop", "Unknown way to pay “{way}”; use one of {ways}.").format(
                way=choices.payment, ways=", ".join(PAYMENT_WAYS)
            )
        )
    with db.write() as s:
        for name, values in _connections(choices):
            connections.save(s, name, values.kind, values.settings, values.secrets, who=who)
    with db.write() as s:
        base, edited = starting_point(s, SAMPLE)
        _save_setup_draft(s, configure(base, choices), who)
    _publish_backorder(db, specs, choices.email_customers, who)
    with db.write() as s:
        saved = drafts.publish(
            s,
            SAMPLE,
            specs,
            trigger_registry(),
            who=who,
            enable=True,
            note=SETUP_ON_EDITS if edited else SETUP_NOTE,
        )
    mark(db, "done", who)
    return saved


def _publish_backorder(db: Database, specs: Any, email_customers: bool, who: str) -> None:
    """The sample's backorder published switched on: without its customer emails for a shop
    that tells its customers itself (imported off while no email was set up, it then needs
    none), or with them again when the last setup took them out and nobody edited it since."""
    from app.intake import trigger_registry

    with db.write() as s:
        try:
            wf, edited = starting_point(s, BACKORDER)
        except workflows.WorkflowNotFound:  # deleted by the operator: nothing to change
            return
        if email_customers and (edited or not _has_setup_note(s, BACKORDER, NO_EMAILS_NOTE)):
            return  # as the operator (or the seeding) left it
        if not email_customers:
            _no_customer_emails(wf)
        _save_setup_draft(s, wf, who)
    with db.write() as s:
        drafts.publish(
            s,
            BACKORDER,
            specs,
            trigger_registry(),
            who=who,
            enable=True,
            note=(SETUP_ON_EDITS if edited else SETUP_NOTE) if email_customers else NO_EMAILS_NOTE,
        )


# -- running the setup again -------------------------------------------------------------------
# The setup leaves steps out for some answers, so running it again must not start from what an
# earlier run published, or a changed answer ("a payment service now") never gets them back. A
# version's note says who made it: the seeding's import, a setup that started from the bundled
# sample, or a setup that kept the operator's edits. A workflow whose versions are all the
# seeding's and pure setups' has no edit of the operator's, so the setup starts from the bundled
# sample again; anything else (an edit, a restore, an import, an unpublished draft) is theirs and
# is kept. Notes rather than comparing with configure(sample, earlier answers): the answers
# (addresses, stock file, shop name) are not all stored, and a note needs no migration.
# stored in English, said in the reader's language where read (``own_notes.said_note``)
SETUP_NOTE = own_notes.SETUP
SETUP_ON_EDITS = own_notes.SETUP_ON_EDITS
NO_EMAILS_NOTE = own_notes.SETUP_NO_EMAILS
SEEDED_NOTES = (own_notes.IMPORTED, own_notes.IMPORTED_OFF)
SAMPLE_FILES = {SAMPLE: "order-fulfilment.json", BACKORDER: "backorder.json"}
# the steps some answer leaves out, which the setup can put back only on an unedited workflow
LEFT_OUT_BY_ANSWERS = (CHARGE_STEP, WAREHOUSE_STEP, *ASKS_FOR_EMAIL) + tuple(
    n for names in CUSTOMER_EMAIL_STEPS.values() for n in names
)


def bundled_sample(name: str) -> Workflow:
    """Sample workflow ``name`` as shipped, its texts in the operator's language (as seeded)."""
    import json

    from app.core.sample_texts import in_language
    from app.resources import resource_path

    path = resource_path("workflows", SAMPLE_FILES[name])
    return in_language(Workflow.from_dict(json.loads(path.read_text(encoding="utf-8"))))


def _has_setup_note(s: Any, name: str, *notes: str) -> bool:
    return workflows.load(s, name)[1].note in notes


def _save_setup_draft(s: Any, wf: Workflow, who: str) -> None:
    """Save the setup's draft of ``wf`` and remember it, so that a draft still waiting when the
    setup runs again (its publish was refused) is known as the setup's, not an edit."""
    drafts.save_draft(s, wf, who)
    settings.put(s, f"{FIRST_RUN_KEY}.draft.{wf.name}", workflows.definition_of(wf))


def _only_setup_made(s: Any, name: str) -> bool:
    """True when every published version of ``name`` up to the live one is the seeding's import
    or a setup that started from the bundled sample, and any draft waiting is the setup's."""
    draft = drafts.load_draft(s, name)
    mine = settings.get(s, f"{FIRST_RUN_KEY}.draft.{name}")
    if draft is not None and mine != workflows.definition_of(draft):
        return False
    _, live, _ = workflows.load(s, name)
    history = [v for v in workflows.versions(s, name) if v.number <= live.number]
    for v in history:
        seeded = v.created_by == "daloy" and v.note in SEEDED_NOTES
        if not seeded and v.note not in (SETUP_NOTE, NO_EMAILS_NOTE):
            return False
    return bool(history)


def starting_point(s: Any, name: str) -> tuple[Workflow, bool]:
    """The workflow the setup shapes for ``name`` and whether it is the operator's edited one
    (True) rather than the bundled sample. Raises ``WorkflowNotFound`` when it is gone."""
    _, _, live = workflows.load(s, name)
    if name in SAMPLE_FILES and _only_setup_made(s, name):
        return bundled_sample(name), False
    return drafts.load_draft(s, name) or live, True


def not_put_back(db: Database, choices: ShopChoices) -> str:
    """One sentence naming the steps these answers would have but the operator's edited sample
    workflows lack (an earlier setup left them out, and the setup keeps edits), or ""."""
    missing: list[str] = []
    with db.read() as s:
        for name in SAMPLE_FILES:
            try:
                base, edited = starting_point(s, name)
            except workflows.WorkflowNotFound:
                continue
            if not edited:
                continue
            wanted = bundled_sample(name)
            if name == SAMPLE:
                wanted = configure(wanted, choices)
            elif not choices.email_customers:
                _no_customer_emails(wanted)
            have = {st.name for st in base.steps}
            missing += [
                translate("Shop", "“{step}” in “{workflow}”").format(step=st.label, workflow=name)
                for st in wanted.steps
                if st.name in LEFT_OUT_BY_ANSWERS and st.name not in have
            ]
    if not missing:
        return ""
    return translate(
        "Shop",
        "You have edited the workflows since an earlier setup, so steps your earlier answers "
        "left out are not put back: {steps}; add them in the workflow editor if you need them.",
    ).format(steps=", ".join(missing))
