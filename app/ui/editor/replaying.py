"""Replay… : run the editor's document in practice mode on the last N real orders of the
workflow (``practice.replay``, off the GUI thread) and show, order by order, where it would go
differently from what the live version did — the check to make before publishing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from app.core.i18n import translate
from app.core.model import Workflow
from app.runtime.practice import ReplayReport, replay
from app.ui.editor.dialogs import action_buttons, explanation
from app.ui.style import BAD, OK
from app.ui.text import PlainLabel

if TYPE_CHECKING:
    from app.ui.editor.page import EditorPage

DEFAULT_ORDERS = 20
MAX_ORDERS = 500
TIMEOUT = 180.0  # seconds the practice runs of one replay may take to settle


def summary(report: ReplayReport) -> str:
    """“3 of 20 orders would go differently”, or that every one would go the same."""
    n, d = len(report.orders), len(report.differing)
    if not n:
        return translate("EditorPractice", "“{name}” has no past orders to replay yet.").format(
            name=report.workflow
        )
    if not d:
        if n == 1:
            return translate("EditorPractice", "The order would go exactly as it did.")
        return translate("EditorPractice", "All {n} orders would go exactly as they did.").format(
            n=n
        )
    if n == 1:
        return translate("EditorPractice", "1 of 1 order would go differently.")
    return translate("EditorPractice", "{d} of {n} orders would go differently.").format(d=d, n=n)


class ReplayDialog(QDialog):
    def __init__(self, page: EditorPage, name: str, workflow: Workflow) -> None:
        super().__init__(page)
        self.page, self.name, self.workflow = page, name, workflow
        self.report: ReplayReport | None = None
        self.setObjectName("replayDialog")
        self.setWindowTitle(
            translate("EditorPractice", "Replay “{name}” on past orders").format(name=name)
        )
        lay = QVBoxLayout(self)
        lay.addWidget(
            explanation(
                translate(
                    "EditorPractice",
                    "Runs the workflow as it is on the canvas (saved or not) on the last orders, "
                    "as practice runs: nothing is sent, charged or published. Then it lists the orders "
                    "that would go differently from what the live version did.",
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("EditorPractice", "Replay the last")))
        self.orders = QSpinBox()
        self.orders.setObjectName("replayCount")
        self.orders.setRange(1, MAX_ORDERS)
        self.orders.setValue(DEFAULT_ORDERS)
        row.addWidget(self.orders)
        row.addWidget(QLabel(translate("EditorPractice", "orders")))
        row.addStretch(1)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("replayProgress")
        self.progress.setRange(0, 0)  # busy: the runs settle in any order
        self.progress.hide()
        lay.addWidget(self.progress)
        self.summary = PlainLabel("")
        self.summary.setObjectName("replaySummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.differences = QTreeWidget()  # (QDialog.result() is a method)
        self.differences.setObjectName("replayResult")
        self.differences.setHeaderHidden(True)
        self.differences.setWordWrap(True)
        lay.addWidget(self.differences, 1)
        buttons, self.go = action_buttons(
            self,
            QDialogButtonBox.StandardButton.Close,
            translate("EditorPractice", "Replay"),
            "startReplay",
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.go.setDefault(True)
        self.go.clicked.connect(self.start)
        lay.addWidget(buttons)
        self.clock = QElapsedTimer()
        self.ticker = QTimer(self)
        self.ticker.setInterval(500)
        self.ticker.timeout.connect(self._tick)
        self.resize(640, 480)

    def start(self) -> None:
        n, runtime, name, wf = self.orders.value(), self.page.ctx.runtime, self.name, self.workflow
        self.go.setEnabled(False)
        self.orders.setEnabled(False)
        self.differences.clear()
        self.progress.show()
        self.clock.start()
        self.ticker.start()
        self._tick()

        def work() -> ReplayReport:
            return replay(runtime, name, n, timeout=TIMEOUT, workflow=wf)

        def failed(exc: BaseException) -> None:
            self._stopped()
            self.summary.setText(
                translate("EditorPractice", "The replay did not finish: {error}").format(error=exc)
            )
            self.summary.setStyleSheet(f"color: {BAD}")

        self.page.ctx.background(work, self.show_report, failed, owner=self)

    def _tick(self) -> None:
        seconds = self.clock.elapsed() // 1000
        n = self.orders.value()
        self.summary.setText(
            (
                translate("EditorPractice", "Replaying on the last 1 order… ({seconds} s)")
                if n == 1
                else translate("EditorPractice", "Replaying on the last {n} orders… ({seconds} s)")
            ).format(n=n, seconds=seconds)
        )
        self.summary.setStyleSheet("")

    def _stopped(self) -> None:
        self.ticker.stop()
        self.progress.hide()
        self.go.setEnabled(True)
        self.orders.setEnabled(True)

    def show_report(self, report: ReplayReport) -> None:
        self._stopped()
        self.report = report
        self.summary.setText(summary(report))
        self.summary.setStyleSheet(f"color: {BAD if report.differing else OK}; font-weight: bold")
        for order in report.differing:
            top = QTreeWidgetItem([f"{order.label}:"])
            top.setToolTip(0, order.run_id)
            for line in order.differences:
                child = QTreeWidgetItem([line])
                child.setToolTip(0, line)
                top.addChild(child)
            self.differences.addTopLevelItem(top)
            top.setExpanded(True)
        self.differences.setVisible(bool(report.differing))
