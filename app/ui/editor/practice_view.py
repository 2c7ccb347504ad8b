"""Practice runs seen from the editor: start one on the sample order, show live step states on
the nodes and each step's result in the inspector. (Trying a draft without saving, and replay
against past orders, come with the store's practice API.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.style import STATE_WORDS, words

if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage

    _Base = EditorPage
else:
    _Base = object


class PracticeView(_Base):
    """Mixed into ``EditorPage``: the practice-run part of the page."""

    test_run: str | None

    def _show_test_output(self, name: str) -> None:
        run_id = self.test_run
        if not run_id:
            return

        def load() -> str:
            with self.ctx.db.read() as s:
                from app.store.models import StepRun
                row = s.query(StepRun).filter(StepRun.run_id == run_id,
                                              StepRun.name == name).one_or_none()
                if row is None:
                    return ""
                state = STATE_WORDS.get(row.state, (row.state,))[0]
                shown = row.output if row.output is not None else row.error
                return f"Practice run: {state}\n{words(shown) if shown is not None else ''}"

        self.ctx.background(load, lambda text: self.inspector.show_output(name, text))

    def _engine_events(self, events: list) -> None:
        if not self.test_run or not any(e.run_id == self.test_run for e in events):
            return
        run_id = self.test_run

        def states() -> dict[str, str]:
            return dict(self.ctx.db.execute_sql(
                f"select name, state from step_runs where run_id = '{run_id}'"))

        self.ctx.background(states, self.scene.set_states)
        if self.inspector.step_name:
            self._show_test_output(self.inspector.step_name)

    def practice(self) -> None:
        wf = self.doc.workflow
        sample = wf.extra.get("sample_input", {})
        if self.dirty():
            return self.say("Save first; the practice run uses the saved version.", bad=True)

        def start() -> str:
            return self.ctx.store.start_run(wf.name, sample, practice=True)

        def started(run_id: str) -> None:
            self.test_run = run_id
            self.say(f"Practice run {run_id[:8]} started: steps that act on the outside world "
                     "only record what they would send.")

        self.ctx.background(start, started, lambda e: self.say(str(e), bad=True))

