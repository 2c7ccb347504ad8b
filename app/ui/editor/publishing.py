"""Publishing from the editor: the Publish dialog (what changes, in words; a note; who
publishes), refusals shown as a list of problems in the operator's words and on the nodes, and
discarding the draft. The store decides (``drafts.publish``, the one full check); this module
only shows what it said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import shown, translate, words_of
from app.core.model import Workflow
from app.core.validation import Problem, errors
from app.store import audit, drafts
from app.store.workflows import SavedVersion
from app.ui.editor.dialogs import action_buttons, explanation
from app.ui.editor.library import load_rows
from app.ui.style import BAD, MUTED
from app.ui.text import PlainLabel, confirm

# A mixin of EditorPage, which holds what ``self`` uses here. mypy cannot take EditorPage as
# this base (the page derives from this class: a cycle), so it sees Any there.
if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage

    _Base = Any
else:
    _Base = object


def problem_words(p: Problem) -> str:
    """A problem as the operator reads it: the step by its title; the message already names
    the setting by its label, so the internal field name is left out."""
    if not p.step:
        return p.message
    return translate("EditorPublish", "Step “{step}”: {problem}").format(
        step=p.title or p.step, problem=p.message
    )


def _problems(n: int) -> str:
    """“1 problem”, “2 problems” (never “problem(s)”, which a plural form would give in English
    without a translator)."""
    if n == 1:
        return translate("EditorPublish", "1 problem")
    return translate("EditorPublish", "{n} problems").format(n=n)


def problems_line(n: int, first: str) -> str:
    """The editor's status line when the draft has problems: “2 problems: <the first>”."""
    return translate("EditorPublish", "{problems}: {first}").format(
        problems=_problems(n), first=first
    )


def problems_heading(problems: list[Problem], refused: bool) -> str:
    """“Not published: 2 problems …”, or what a check found before pressing Publish."""
    errs = errors(problems)
    if refused:
        return translate(
            "EditorPublish",
            "Not published: {problems} to fix. The live version keeps running. Click a problem "
            "to show its step.",
        ).format(problems=_problems(len(errs)))
    if errs:
        return translate(
            "EditorPublish",
            "{problems} to fix before it can be published. Click a problem to show its step.",
        ).format(problems=_problems(len(errs)))
    if len(problems) == 1:
        return translate("EditorPublish", "1 warning (it can still be published):")
    return translate("EditorPublish", "{n} warnings (it can still be published):").format(
        n=len(problems)
    )


class PublishDialog(QDialog):
    """Shows a draft's report; Publish asks the store and shows its answer. Not modal, so the
    canvas stays usable while the problems are fixed."""

    def __init__(self, page: EditorPage, name: str, report: drafts.DraftReport, who: str) -> None:
        super().__init__(page)
        self.page, self.name, self.who = page, name, who
        self.setObjectName("publishDialog")
        self.setWindowTitle(translate("EditorPublish", "Publish “{name}”").format(name=name))
        lay = QVBoxLayout(self)
        live = page.rows.get(name, {}).get("version")
        lay.addWidget(
            explanation(
                translate(
                    "EditorPublish",
                    "Publishing makes this draft the version that takes orders, in place of "
                    "version {version}. Orders already started keep the version they started with.",
                ).format(version=live)
                if live is not None
                else translate(
                    "EditorPublish",
                    "Publishing makes this draft the version that takes orders (its first).",
                )
            )
        )
        lay.addWidget(QLabel(translate("EditorPublish", "<b>What changes</b>")))
        self.changes = QListWidget()
        self.changes.setObjectName("publishChanges")
        self.changes.setWordWrap(True)
        nothing = translate("EditorPublish", "Nothing changed from version {version}.")
        for line in report.changes or [nothing.format(version=live)]:
            self.changes.addItem(shown(words_of(line), line))  # said in the reader's language

        lay.addWidget(self.changes, 2)
        self.heading = PlainLabel("")
        self.heading.setObjectName("publishProblemsHeading")
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.problems = QListWidget()
        self.problems.setObjectName("publishProblems")
        self.problems.setWordWrap(True)
        self.problems.itemClicked.connect(self._show_step)
        lay.addWidget(self.problems, 2)
        self.note = QLineEdit()
        self.note.setObjectName("publishNote")
        self.note.setPlaceholderText(
            translate("EditorPublish", "What this change is for (kept with the version)")
        )
        lay.addWidget(QLabel(translate("EditorPublish", "Note")))
        lay.addWidget(self.note)
        by = PlainLabel(translate("EditorPublish", "Published by: {who}").format(who=who))
        by.setObjectName("publishWho")
        by.setStyleSheet(f"color: {MUTED}")
        lay.addWidget(by)
        buttons, self.go = action_buttons(
            self,
            QDialogButtonBox.StandardButton.Cancel,
            translate("EditorPublish", "Publish"),
            "confirmPublish",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.go.setDefault(True)
        self.go.clicked.connect(self.publish)
        lay.addWidget(buttons)
        self.show_problems(report.problems, refused=False)
        self.resize(620, 520)

    def show_problems(self, problems: list[Problem], refused: bool) -> None:
        self.problems.clear()
        for p in sorted(problems, key=lambda p: p.severity != "error"):
            words = problem_words(p)
            if p.severity != "error":
                words = translate("EditorPublish", "Warning: {problem}").format(problem=words)
            item = QListWidgetItem(words)
            item.setData(Qt.ItemDataRole.UserRole, p.step)
            self.problems.addItem(item)
        self.problems.setVisible(bool(problems))
        self.heading.setVisible(bool(problems))
        self.heading.setText(problems_heading(problems, refused) if problems else "")
        self.heading.setStyleSheet(f"color: {BAD}" if errors(problems) else "")

    def _show_step(self, item: QListWidgetItem) -> None:
        step = item.data(Qt.ItemDataRole.UserRole)
        node = self.page.scene.nodes.get(step) if step else None
        if node is not None:
            self.page.scene.select_only([step])
            self.page.view.centerOn(node)

    def publish(self) -> None:
        page, name, who, note = self.page, self.name, self.who, self.note.text().strip()
        self.go.setEnabled(False)

        def work() -> SavedVersion:
            with page.ctx.db.write() as s:
                return drafts.publish(s, name, page.specs, page.trigger_types, who=who, note=note)

        def failed(exc: BaseException) -> None:
            self.go.setEnabled(True)
            if isinstance(exc, drafts.PublishRefused):
                self.show_problems(exc.problems, refused=True)
                page.mark_problems(exc.problems)
            else:
                self.show_problems([Problem(str(exc))], refused=True)
                self.heading.setText(str(exc))

        page.ctx.background(
            work, lambda saved: page.published(name, saved, self), failed, owner=self
        )


class Publishing(_Base):
    """Mixed into ``EditorPage``: Publish… and Discard draft."""

    publish_dialog: PublishDialog | None = None
    current: str | None
    rows: dict[str, dict[str, Any]]
    saved_json: dict[str, Any] | None

    def publish(self) -> None:
        """Save the document as the draft (when edited), then show the Publish dialog."""
        if not self.current:
            return
        if self.dirty():
            self.save(then=self._ask_publish)
        else:
            self._ask_publish()

    def _ask_publish(self) -> None:
        name = self.current
        if name is None:
            return

        def load() -> tuple[drafts.DraftReport | None, str]:
            with self.ctx.db.read() as s:
                return drafts.report(s, name, self.specs, self.trigger_types), audit.current_user()

        def show(result: tuple[drafts.DraftReport | None, str]) -> None:
            report, who = result
            if report is None:
                live = self.rows.get(name, {}).get("version")
                self.say(
                    translate(
                        "EditorPublish",
                        "“{name}” has no draft to publish: version {version} takes orders as it "
                        "is. Change something and save it first.",
                    ).format(name=name, version=live)
                )
                return
            self.publish_dialog = PublishDialog(self, name, report, who)
            self.publish_dialog.show()

        self.ctx.background(load, show, lambda e: self.say(str(e), bad=True))

    def published(self, name: str, saved: SavedVersion, dialog: QWidget) -> None:
        row = self.rows.get(name, {})
        row.update(draft=False, version=saved.number)
        on = row.get("enabled", True)
        self.say(
            (
                translate(
                    "EditorPublish",
                    "Published “{name}” as version {version}; it takes orders now. Orders "
                    "already started keep the version they started with.",
                )
                if on
                else translate(
                    "EditorPublish",
                    "Published “{name}” as version {version}; it stays switched off. Orders "
                    "already started keep the version they started with.",
                )
            ).format(name=name, version=saved.number)
        )
        dialog.close()
        self.publish_dialog = None
        self._relist()
        self.refresh()

    def discard_draft(self) -> None:
        name = self.current
        row = self.rows.get(name or "")
        if name is None or row is None or not row["draft"]:
            return self.say(translate("EditorPublish", "There is no saved draft to discard."))
        live = row["version"]
        if not confirm(
            self,
            translate("EditorPublish", "Discard the draft?"),
            (
                translate(
                    "EditorPublish",
                    "Throw away the draft of “{name}”? The live version {version} stays as it is.",
                )
                if live is not None
                else translate(
                    "EditorPublish",
                    "Throw away the draft of “{name}”? “{name}” was never published, so it is "
                    "removed.",
                )
            ).format(name=name, version=live),
            translate("EditorPublish", "Throw the draft away"),
            translate("EditorPublish", "Keep the draft"),
        ):
            return None

        def work() -> Any:
            with self.ctx.db.write() as s:
                drafts.discard_draft(s, name)
            return load_rows(self.ctx)

        def done(rows: list[dict[str, Any]]) -> None:
            self.saved_json = None
            self.current = None
            self.rows = {r["name"]: r for r in rows}
            if name in self.rows:
                self.open(Workflow.from_json(self.rows[name]["definition"]), name)
            self._rows(rows)
            self.say(
                translate("EditorPublish", "The draft of “{name}” was discarded.").format(name=name)
            )

        self.ctx.background(work, done, lambda e: self.say(str(e), bad=True))
        return None
