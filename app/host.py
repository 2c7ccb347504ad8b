"""The one place the app is assembled: the data folder, its database, the step registry, the
run store and operator actions, the runtime with its intake and extensions, and the sample
workflows a new folder starts with.

The desktop window (``app.ui.main``), the headless runner and every command-line verb build on
a :class:`Host`; none of them assembles the app itself, and nothing here imports the CLI or Qt.
"""

from __future__ import annotations

import os
import shutil
from functools import cached_property
from pathlib import Path
from typing import Any

from app.store import datafolder


class Host:
    """The data folder and, opened on first use, what works on it. ``data_dir_choice`` is the
    operator's ``--data-dir`` (None: ``$DALOY_DATA_DIR`` or the platform's data folder);
    ``database_url`` the operator's ``--database-url`` (None: ``$DALOY_DATABASE_URL``, else the
    data folder's SQLite file)."""

    def __init__(self, data_dir_choice: str | None = None, database_url: str | None = None) -> None:
        from app.store.dbchoice import chosen  # not dburl: SQLAlchemy loads when needed

        self.data_dir_choice = data_dir_choice
        self.database_url = chosen(database_url)
        self.new_folder = False

    @cached_property
    def data_dir(self) -> Path:
        from app.paths import data_dir

        try:
            path = data_dir(self.data_dir_choice)
        except OSError as exc:
            path = Path(exc.filename or self.data_dir_choice or ".")
            datafolder.prepare(path)  # says "a file, not a folder" or "read-only"
            raise datafolder.DataFolderError(
                datafolder.os_error_sentence(exc, f"the data folder {path}")
            ) from exc
        # Checked before anything (the log) is written there, so a new folder is told from a
        # used one that lost its database.
        self.new_folder = datafolder.prepare(path, database_elsewhere=bool(self.database_url))
        return path

    @cached_property
    def db(self):  # noqa: ANN201 - app.store.db.Database, imported on first use
        from app.store.db import Database

        if self.database_url:
            self.data_dir  # noqa: B018 - logs and files stay in the data folder: check it first
            return Database.open_url(self.database_url)
        return Database.open_dir(self.data_dir, checked_new=self.new_folder)

    @cached_property
    def registry(self):  # noqa: ANN201
        from app.steps import registry

        return registry()

    @cached_property
    def store(self):  # noqa: ANN201
        from app.store.runs import RunStore

        store = RunStore(self.db, self.registry.specs)
        if not self.db.is_sqlite:  # other processes on the server hear of a verb's changes
            from app.store.notify import Notifications

            Notifications(store, listen=False).start()
        return store

    @cached_property
    def actions(self):  # noqa: ANN201
        from app.store.actions import OperatorActions

        return OperatorActions(self.store)


def seed_samples(host: Host, start_runs: bool = True) -> list[str]:
    """On a new database, import the bundled sample workflows and start one practice run each
    with its sample input, so a first launch shows Daloy working."""
    from sqlalchemy import select

    from app.cli_args import read_workflow_file
    from app.resources import sample_workflows
    from app.store.models import WorkflowRow

    samples = [read_workflow_file(str(path)) for path in sample_workflows()]
    for wf in samples:
        # on every start: a sample imported later (any name) finds its sheet here too
        localize_sample(wf, host.data_dir)
    with host.db.read() as s:
        if s.scalar(select(WorkflowRow.id).limit(1)) is not None:
            return []
    # what importing needs (the validator among it), loaded only for a new database
    from app.core.sample_texts import in_language
    from app.intake import trigger_registry
    from app.store import drafts

    names = []
    for wf in samples:
        in_language(wf)  # the operator reads the sample in their language; names stay as shipped
        with host.db.write() as s:  # the one checked path; off until mail is set up
            saved, _ = drafts.import_workflow(
                s,
                wf,
                host.registry.specs,
                trigger_registry(),
                who="daloy",
                off_when_unconnected=True,
            )
        names.append(wf.name)
        sample = wf.extra.get("sample_input")
        if start_runs and sample is not None and saved is not None:
            host.store.start_run(wf.name, sample, practice=True, who="daloy")
    return names


def localize_sample(wf: Any, data_dir: Path) -> None:
    """Sample files a workflow's "settings" step names by a relative path under samples/
    (``samples/inventory.xlsx``) are copied from the bundled resources into the data folder
    when missing there. Spreadsheet steps read relative paths in the data folder, so the
    workflow keeps its relative path and works under any name, in any data folder."""
    from app.resources import resource_path

    settings = wf.step("settings")
    values = settings.config.get("values") if settings else None
    if not isinstance(values, dict):
        return
    for value in values.values():
        parts = Path(value).parts if isinstance(value, str) else ()
        if len(parts) != 2 or parts[0] != "samples":
            continue
        source, target = resource_path(*parts), data_dir / "samples" / parts[1]
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def build_runtime(host: Host, workers: int = 4):  # noqa: ANN201 - app.runtime.runtime.Runtime
    """The runtime with intake: every enabled workflow's triggers run inside it. The web intake
        listens on $DALOY_WEB_PORT (default 8787) when a workflow has a webhook trigger: on 127.0.0.1, or
    on the shop's network when the operator chose so (``app.intake.web_reach``)."""
    from app.intake.manager import IntakeManager
    from app.intake.web_reach import from_environment
    from app.runtime.memory import IdleTrim
    from app.runtime.presence import RunnerPresence
    from app.runtime.runtime import Runtime
    from app.runtime.wakeups import Wakeups
    from app.store.backups import DailyBackups

    runtime = Runtime(host.db, registry=host.registry, workers=workers, data_dir=host.data_dir)
    web_host, allowed_hosts = from_environment()
    runtime.intake = IntakeManager(
        web_port=int(os.environ.get("DALOY_WEB_PORT", "8787")),
        # Listening on the LAN is an explicit choice: the operator's on the Web addresses tab
        # (a workspace setting), or DALOY_WEB_HOST, which wins; extra Host names (e.g.
        # "orders.office.lan:8787") join the DNS-rebinding allow-list.
        web_host=web_host,
        allowed_hosts=allowed_hosts,
    )
    runtime.add_extension(Wakeups())  # on a database server: woken by the others' changes
    runtime.add_extension(runtime.intake)
    runtime.add_extension(RunnerPresence(host.data_dir))  # lets `daloy run start` tell
    if host.db.is_sqlite:  # a database server is backed up by its own tools (pg_dump)
        runtime.add_extension(DailyBackups(host.data_dir))  # daily backup, then the clean-up
    runtime.add_extension(IdleTrim())  # freed memory back to the system while waiting
    return runtime
