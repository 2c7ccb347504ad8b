"""Drafts and publishing: editing never touches the live version.

Edits go to the workflow's one draft (kept across restarts; stored even with problems; never
switches anything on or off). ``publish`` runs the one full check (``check``) and makes the
draft the live version, keeping who, when, a note and what changed; it refuses with
``PublishRefused`` and the problems, in words, when there are any. Every caller that stores a
workflow for orders (the editor, ``daloy workflow import``, sample seeding, restore) goes this
way. A new workflow is a draft only, taking no orders, until its first publish.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import secrets
from app.core import own_notes
from app.core.changes import describe_changes
from app.core.changes import summary as changes_summary
from app.core.errors import DaloyError
from app.core.i18n import translate
from app.core.model import Workflow
from app.core.schema import CONNECTION, declared
from app.core.stepspec import SpecRegistry
from app.core.validation import Problem, errors, validate
from app.store import audit, workflows, workspace
from app.store.models import Connection, Run, WorkflowDraft, WorkflowRow, WorkflowVersion
from app.store.workflows import SavedVersion

# Which setting of a connection says it needs its secret (None: always). A mail or database
# account with a user name needs its password; a web API sends its token when a header for it
# is set; a marketplace always signs in. Without it, the first order would fail at that step.
NEEDS_SECRET: dict[str, str | None] = {
    "smtp": "username",
    "imap": "username",
    "database": "username",
    "http": "auth_header",
    "marketplace": None,
}


def count(n: int, thing: str) -> str:
    """“1 problem”, “2 problems”: never “1 problem(s)”."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


class PublishRefused(DaloyError):
    """Publishing was refused; ``problems`` (each with ``step``, ``title``, ``field`` and a
    sentence) say why, so the editor can mark the steps."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            f"“{name}” was not published: it has {count(len(problems), 'problem')}"
            f". The live version is unchanged. " + " ".join(str(p) for p in problems)
        )


@dataclass(frozen=True)
class Draft:
    name: str  # the workflow's name as it is live (the draft may rename it)
    workflow: Workflow
    based_on: int | None  # the live version number the draft started from
    saved_at: float
    saved_by: str


@dataclass(frozen=True)
class DraftReport:
    """What ``daloy workflow draft`` and the Publish dialog show."""

    draft: Draft
    problems: list[Problem]  # errors block publishing; warnings are shown
    changes: list[str]  # from the live version, in words

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)


# -- the one full check ------------------------------------------------------------------------
def _connection_fields(
    wf: Workflow, specs: SpecRegistry, triggers: SpecRegistry | None
) -> Iterator[tuple[str | None, str, str, str]]:
    """(step name or None, field name, field label, connection name) for every connection the
    workflow names, in steps and triggers."""
    for s in wf.steps:
        spec = specs.get(s.type)
        for f in spec.fields if spec is not None else ():
            if f.kind == CONNECTION and isinstance(s.config.get(f.name), str) and s.config[f.name]:
                yield s.name, f.name, declared(f.label), s.config[f.name]
    for t in wf.triggers:
        spec = triggers.get(t.type) if triggers is not None else None
        for f in spec.fields if spec is not None and t.enabled else ():
            if f.kind == CONNECTION and isinstance(t.config.get(f.name), str) and t.config[f.name]:
                label = translate("Validation", "Trigger “{id}”: ").format(id=t.id)
                yield None, f.name, label + declared(f.label), t.config[f.name]


def connections_used(
    wf: Workflow, specs: SpecRegistry, triggers: SpecRegistry | None = None
) -> list[str]:
    return sorted({c for *_, c in _connection_fields(wf, specs, triggers)})


def _secret_missing(s: Session, conn: Connection) -> str | None:
    """Which secret ``conn`` needs and has not saved (its field name), or None."""
    from app.store.connections import KINDS

    kind = KINDS.get(conn.kind)
    if kind is None or not kind.secrets or conn.kind not in NEEDS_SECRET:
        return None
    flag = NEEDS_SECRET[conn.kind]
    if flag is not None and not (conn.settings or {}).get(flag):
        return None
    space = workspace.id_in(s)
    return next((f for f in kind.secrets if not secrets.has_secret(conn.name, f, space)), None)


def missing_connections(s: Session, names: Collection[str]) -> list[str]:
    """A sentence for each named connection that does not exist or has no saved secret."""
    out = []
    for name in sorted(set(names)):
        conn = s.get(Connection, name)
        if conn is None:
            out.append(f"the connection “{name}” does not exist; add it under Connections.")
        elif field := _secret_missing(s, conn):
            out.append(f"the connection “{name}” has no {field} saved; enter it under Connections.")
    return [o[0].upper() + o[1:] for o in out]


def check(
    s: Session,
    wf: Workflow,
    specs: SpecRegistry,
    triggers: SpecRegistry | None,
    *,
    connections: bool = True,
) -> list[Problem]:
    """The one full validation, for everyone (editor, import, validate, seeding, restore):
    step and trigger rules, templates that read a step running earlier, no loop, one start,
    no output that loses an order, and every connection named exists and has its secret.
    ``triggers``: the trigger types (``app.intake.trigger_registry()``); None skips their
    rules, which only the engine's own tests should do. ``connections=False`` leaves out the
    connection checks (publishing a switched-off workflow: they are made when it is switched
    on). Never raises."""
    if not connections:
        return validate(wf, specs, triggers)
    known = {c.name for c in s.scalars(select(Connection))}
    problems = validate(wf, specs, triggers, connections=known)
    titles = {st.name: st.title for st in wf.steps if st.title}
    for step, field, label, name in _connection_fields(wf, specs, triggers):
        conn = s.get(Connection, name)
        missing = _secret_missing(s, conn) if conn is not None else None
        if missing:
            problems.append(
                Problem(
                    translate(
                        "Validation",
                        "“{label}” uses the connection “{connection}”, which has no {secret} "
                        "saved, so the first order would fail here. Enter it under Connections.",
                    ).format(label=label, connection=name, secret=missing),
                    step,
                    field if step else "triggers",
                    title=titles.get(step or ""),
                )
            )
    return problems


# -- drafts ------------------------------------------------------------------------------------
def _draft_row(s: Session, row: WorkflowRow) -> WorkflowDraft | None:
    return s.get(WorkflowDraft, row.id)


def _live(s: Session, row: WorkflowRow) -> tuple[WorkflowVersion | None, Workflow | None]:
    v = s.get(WorkflowVersion, row.current_version_id) if row.current_version_id else None
    return v, (Workflow.from_json(v.definition) if v is not None else None)


def save_draft(
    s: Session, wf: Workflow, who: str | None = None, *, name: str | None = None
) -> Draft:
    """Store ``wf`` as the draft of the workflow called ``name`` (default ``wf.name``; give the
    old name when the draft renames it), creating a new workflow (draft only, taking no orders)
    when there is none. Stored even with problems; never changes the live version or whether
    the workflow takes orders. Refused only for a name that cannot name a workflow."""
    row = s.scalar(select(WorkflowRow).where(WorkflowRow.name == (name or wf.name)))
    if row is None:
        row = workflows.new_row(s, wf.name)
    elif (problem := workflows.name_problem(wf.name)) is not None:
        raise DaloyError(problem)
    who = who or audit.current_user()
    live, _ = _live(s, row)
    d = _draft_row(s, row)
    if d is None:
        d = WorkflowDraft(workflow_id=row.id, based_on=live.number if live else None)
        s.add(d)
    d.definition, d.saved_at, d.saved_by = workflows.definition_of(wf), time.time(), who
    s.flush()
    audit.record(s, who, "draft_saved", after={"workflow": row.name})
    return Draft(row.name, wf, d.based_on, d.saved_at, d.saved_by)


def get_draft(s: Session, name: str) -> Draft | None:
    """The draft of workflow ``name`` with who saved it and when; None when it has none."""
    row = workflows.get_row(s, name)
    d = _draft_row(s, row)
    if d is None:
        return None
    return Draft(row.name, Workflow.from_json(d.definition), d.based_on, d.saved_at, d.saved_by)


def load_draft(s: Session, name: str) -> Workflow | None:
    """The draft's workflow, or None (the editor then opens the live version)."""
    d = get_draft(s, name)
    return d.workflow if d is not None else None


def discard_draft(s: Session, name: str, who: str | None = None) -> bool:
    """Throw the draft away (the live version stays). A workflow never published (and never
    tried) is removed with it, since nothing else of it exists. True when there was a draft."""
    row = workflows.get_row(s, name)
    d = _draft_row(s, row)
    if d is None:
        return False
    s.delete(d)
    s.flush()
    audit.record(s, who, "draft_discarded", after={"workflow": name})
    if row.current_version_id is None and not s.scalar(
        select(func.count()).select_from(Run).where(Run.workflow_id == row.id)
    ):
        workflows.remove(s, name, who)
    return True


def report(
    s: Session, name: str, specs: SpecRegistry, triggers: SpecRegistry | None
) -> DraftReport | None:
    """The draft's problems (``check``) and its changes from the live version, in words."""
    d = get_draft(s, name)
    if d is None:
        return None
    _, live = _live(s, workflows.get_row(s, name))
    return DraftReport(
        d, check(s, d.workflow, specs, triggers), describe_changes(live, d.workflow, specs)
    )


def publish(
    s: Session,
    name: str,
    specs: SpecRegistry,
    triggers: SpecRegistry | None,
    *,
    who: str | None = None,
    note: str = "",
    enable: bool | None = None,
) -> SavedVersion:
    """Make the draft of ``name`` the live version, after the one full ``check``: refused with
    ``PublishRefused(problems)`` (nothing changes) when it finds an error. The new version
    keeps who, when, ``note`` and what changed; the draft is gone afterwards. Orders in flight
    keep the version they started with. ``enable``: switch it on or off with this publish;
    None keeps it as it is (a new workflow is on, so it takes orders from its first publish).
    A workflow that stays switched off may be published while a connection it names is
    missing or has no secret; switching it on checks them again."""
    row = workflows.get_row(s, name)
    d = _draft_row(s, row)
    if d is None:
        raise DaloyError(f"“{name}” has no draft to publish; edit it first.")
    wf = Workflow.from_json(d.definition)
    on = row.enabled if enable is None else enable
    problems = errors(check(s, wf, specs, triggers, connections=on))
    if wf.name != row.name and s.scalar(select(WorkflowRow.id).where(WorkflowRow.name == wf.name)):
        problems.append(
            Problem(
                f"Another workflow is already called “{wf.name}”; choose another name.",
                None,
                "name",
            )
        )
    if problems:
        raise PublishRefused(name, problems)
    _, live = _live(s, row)
    who = who or audit.current_user()
    text, words = changes_summary(describe_changes(live, wf, specs))  # with its templates
    saved = workflows.add_version(
        s,
        row,
        wf,
        who=who,
        note=note,
        summary=text,
        summary_words=words,
        uses=connections_used(wf, specs, triggers),
    )
    s.delete(d)
    if enable is not None:
        workflows.set_enabled(s, row.name, enable, who)
    audit.record(
        s,
        who,
        "workflow_published",
        after={"workflow": wf.name, "version": saved.number, "note": note},
    )
    return saved


def import_workflow(
    s: Session,
    wf: Workflow,
    specs: SpecRegistry,
    triggers: SpecRegistry | None,
    *,
    who: str | None = None,
    keep_draft: bool = False,
    off_when_unconnected: bool = False,
) -> tuple[SavedVersion | None, list[Problem]]:
    """Scripts' and seeding's way in, the same checked path as the editor: ``wf`` becomes the
    draft of its workflow and is published when ``check`` finds no error (unless
    ``keep_draft``). ``off_when_unconnected`` (the bundled samples): when the only errors are
    connections not set up yet, publish it switched off instead of keeping a draft. Returns
    (the published version or None, every problem found)."""
    save_draft(s, wf, who)
    problems = check(s, wf, specs, triggers)
    if keep_draft:
        return None, problems
    if not errors(problems):
        return publish(s, wf.name, specs, triggers, who=who, note=own_notes.IMPORTED), problems
    if off_when_unconnected and not errors(check(s, wf, specs, triggers, connections=False)):
        return publish(
            s,
            wf.name,
            specs,
            triggers,
            who=who,
            enable=False,
            # stored in English, said in the reader's language where read (own_notes.said_note)
            note=own_notes.IMPORTED_OFF,
        ), problems
    return None, problems


def restore_as_draft(s: Session, name: str, number: int, who: str | None = None) -> Draft:
    """Put published version ``number`` into the draft (replacing any draft), to check and
    publish again; the live version runs on meanwhile."""
    v = workflows.version(s, name, number)
    return save_draft(s, Workflow.from_json(v.definition), who, name=name)


# -- practice ----------------------------------------------------------------------------------
def practice_version(
    s: Session, name: str, workflow: Workflow | None = None
) -> tuple[WorkflowRow, WorkflowVersion, Workflow]:
    """A hidden version holding ``workflow`` (the editor's unsaved document), else the draft,
    else the live definition, for practice runs to pin: not listed, numbered below zero,
    reused while the definition is the same. Nothing is saved or published and whether the
    workflow takes orders does not change. A workflow not stored yet gets its draft saved."""
    row = s.scalar(select(WorkflowRow).where(WorkflowRow.name == name))
    if row is None and workflow is not None:
        save_draft(s, workflow, name=name)
    row = workflows.get_row(s, name)
    d = _draft_row(s, row)
    live, _ = _live(s, row)
    definition = (
        workflows.definition_of(workflow)
        if workflow is not None
        else d.definition
        if d is not None
        else live.definition
        if live
        else None
    )
    if definition is None:
        raise workflows.no_version(name)
    same = s.scalar(
        select(WorkflowVersion)
        .where(
            WorkflowVersion.workflow_id == row.id,
            WorkflowVersion.kind == "practice",
            WorkflowVersion.definition == definition,
        )
        .order_by(WorkflowVersion.id.desc())
        .limit(1)
    )
    if same is None:
        lowest = (
            s.scalar(
                select(func.min(WorkflowVersion.number)).where(
                    WorkflowVersion.workflow_id == row.id, WorkflowVersion.kind == "practice"
                )
            )
            or 0
        )
        same = WorkflowVersion(
            workflow_id=row.id,
            number=min(lowest, 0) - 1,
            definition=definition,
            has_errors=False,
            summary="Practice.",
            created_at=time.time(),
            created_by=audit.current_user(),
            note="",
            kind="practice",
        )
        s.add(same)
        s.flush()
    return row, same, Workflow.from_json(definition)
