"""Live problem marking in the editor: at once from the document alone (``validate``), then the
full check Publish makes (``drafts.check``: connections and their saved secrets too) off the GUI
thread once edits pause. Problems show on the nodes, in the status line and the inspector."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.i18n import translate
from app.core.model import Workflow
from app.core.validation import Problem, errors, validate
from app.store import drafts
from app.ui.editor.publishing import problem_words, problems_line

# A mixin of EditorPage, which holds what ``self`` uses here. mypy cannot take EditorPage as
# this base (the page derives from this class: a cycle), so it sees Any there.
if TYPE_CHECKING:
    _Base = Any
else:
    _Base = object


class LiveCheck(_Base):
    """Mixed into ``EditorPage``: the document's problems, kept current while editing."""

    problems: list[Problem]
    shown_errors: list[str]

    def check(self, wf: Workflow) -> list[Problem]:
        """At once, from the document alone: step and trigger rules, connections that exist.
        The full check (``drafts.check``: saved secrets too) follows off the GUI thread."""
        return validate(wf, self.specs, self.trigger_types, connections=self.known_connections)

    def _validate(self, *_a: Any) -> None:
        self.problems = self.check(self.doc.workflow)
        self.view.set_empty(not self.doc.workflow.steps)
        self.mark_problems(self.problems)
        self._selection()
        self.full_check.start()

    def _full_check(self) -> None:
        """``drafts.check``, the check Publish makes, on the document as it is now; its answer
        is shown only if the document has not changed meanwhile."""
        wf = self.doc.workflow.copy()
        shown = wf.to_dict()

        def run() -> list[Problem]:
            with self.ctx.db.read() as s:
                return drafts.check(s, wf, self.specs, self.trigger_types)

        def done(problems: list[Problem]) -> None:
            if self.doc.to_dict() == shown:
                self.problems = problems
                self.mark_problems(problems, quiet=True)
                self.inspector.show_problems(
                    [p.message for p in problems if p.step == self.inspector.step_name]
                )

        self.ctx.background(run, done, owner=self)

    def mark_problems(self, problems: list[Problem], quiet: bool = False) -> None:
        """Problems on the nodes (their titles say which) and the first one in the status."""
        by_step: dict[str, str] = {}
        for p in errors(problems):
            if p.step:
                by_step.setdefault(p.step, problem_words(p))
        self.scene.set_problems(by_step)
        errs = [problem_words(p) for p in errors(problems)]
        if quiet and errs == self.shown_errors:
            return  # nothing new to say: a message about a save stays
        self.shown_errors = errs
        self.say(
            problems_line(len(errs), errs[0])
            if errs
            else (translate("Editor", "Unsaved changes.") if self.dirty() else ""),
            bad=bool(errs),
        )
