"""What every main-window page shares: a title row (the title, then the page's own controls)
above its content."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.context import AppContext


class Page(QWidget):
    def __init__(self, ctx: AppContext, title: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("page")
        self.body = QVBoxLayout(self)
        self.top = QHBoxLayout()
        # kept: a page whose title reads differently elsewhere re-sets it on a language change
        self.heading = heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.top.addWidget(heading)
        self.top.addStretch(1)
        self.body.addLayout(self.top)
