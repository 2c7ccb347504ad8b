"""The first-run setup's “Where do you keep your stock?” page: the sample sheet (to try things
out), a new empty sheet Daloy makes in a folder the operator picks (their Documents folder
unless they choose another; ``app.connectors.stock_template``), or their own spreadsheet. Next
reads the sheet chosen (``app.shop.check_sheet``) and, for a new one, writes it first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from app import shop
from app.connectors import stock_template
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.ui.context import AppContext
from app.ui.wizard_pages import CheckedPage, hint

# (way, the radio's words); the words are said again after a language switch
WAYS = (
    (
        "sample",
        QT_TRANSLATE_NOOP(
            "FirstRun", "Use the sample stock sheet (five grocery products, to try things out)"
        ),
    ),
    ("new", QT_TRANSLATE_NOOP("FirstRun", "Make a new stock sheet for me, in this folder:")),
    ("mine", QT_TRANSLATE_NOOP("FirstRun", "Use my spreadsheet:")),
)
NEW_SHEET_HINT = QT_TRANSLATE_NOOP(
    "FirstRun",
    "Daloy makes “{file}” there with the columns SKU, Item, Stock and Price and no products; "
    "you fill in yours (one row each) before the first order.",
)


def documents_folder() -> str:
    """The operator's Documents folder (where a shop owner looks for their files)."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class StockPage(CheckedPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            QT_TRANSLATE_NOOP("FirstRun", "Where do you keep your stock?"),
            QT_TRANSLATE_NOOP(
                "FirstRun",
                "Daloy checks each order line against a spreadsheet (Excel or CSV) "
                "with the columns SKU, Stock and Price, and takes what ships off the "
                "stock.",
            ),
        )
        self.group = QButtonGroup(self)
        radios = []
        for i, (way, _words) in enumerate(WAYS):
            radio = QRadioButton()
            radio.setObjectName(f"stock_{way}")
            self.group.addButton(radio, i)
            radios.append(radio)
        self.sample, self.new, self.mine = radios
        self.sample.setObjectName("stockSample")  # the names tests and the guide know
        self.mine.setObjectName("stockMine")
        self.sample.setChecked(True)

        self.folder = QLineEdit(documents_folder())
        self.folder.setObjectName("stockFolder")
        self.folder.textEdited.connect(lambda _t: self.new.setChecked(True))
        self.path = QLineEdit()
        self.path.setObjectName("stockFile")
        self.path.textEdited.connect(lambda _t: self.mine.setChecked(True))
        self.new_hint = hint("")
        self.new_hint.setObjectName("newStockHint")
        self.lay.addWidget(self.sample)
        self.choose_folder = self._row(self.new, self.folder, "chooseStockFolder", self._folder)
        self.lay.addWidget(self.new_hint)
        self.choose_file = self._row(self.mine, self.path, "chooseStockFile", self._choose)
        self.finish_layout()
        self._made: dict[str, Path] = {}  # folder → the sheet made there (Back, Next: no second)
        self.retranslate()

    def _row(
        self, radio: QRadioButton, edit: QLineEdit, name: str, choose: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(radio)
        row.addWidget(edit, 1)
        row.addWidget(button)
        self.lay.addLayout(row)
        return button

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "group"):  # not yet while the page is being made
            return
        for i, (_way, words) in enumerate(WAYS):
            self.group.button(i).setText(translate("FirstRun", words))
        self.path.setPlaceholderText(translate("FirstRun", "e.g. C:/Shop/inventory.xlsx"))
        for button in (self.choose_folder, self.choose_file):
            button.setText(translate("FirstRun", "Choose…"))
        self.new_hint.setText(
            translate("FirstRun", NEW_SHEET_HINT).format(file=f"{stock_template.NAME}.xlsx")
        )

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("FirstRun", "Your stock spreadsheet"),
            "",
            translate("FirstRun", "Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if path:
            self.path.setText(path)
            self.mine.setChecked(True)

    def _folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            translate("FirstRun", "Where Daloy makes your stock sheet"),
            self.folder.text().strip() or documents_folder(),
        )
        if folder:
            self.folder.setText(folder)
            self.new.setChecked(True)

    @property
    def way(self) -> str:
        return WAYS[max(self.group.checkedId(), 0)][0]

    def made(self) -> Path | None:
        """The sheet Daloy made for the folder chosen, once Next has made it."""
        return self._made.get(self.folder.text().strip()) if self.way == "new" else None

    def stock_file(self) -> str | None:
        if self.way == "new":
            made = self.made()
            return str(made) if made else None
        return self.path.text().strip() if self.way == "mine" else None

    def values_key(self) -> object:
        return (self.way, self.folder.text().strip() if self.way == "new" else self.stock_file())

    def work(self) -> Callable[[], str] | None:
        data_dir = self.ctx.data_dir
        if self.way != "new":
            path = self.stock_file() or shop.SAMPLE_SHEET
            return lambda: shop.check_sheet(path, data_dir)
        folder, made = self.folder.text().strip(), self._made

        def make() -> str:
            if not folder:
                raise ValueError(
                    translate("FirstRun", "Choose the folder Daloy makes your stock sheet in.")
                )
            sheet = made.get(folder)
            if sheet is None or not sheet.exists():  # made once per folder, again if deleted
                sheet = stock_template.make(Path(folder).expanduser())
            shop.check_sheet(str(sheet), data_dir)  # read back as each order's check reads it
            made[folder] = sheet
            return translate(
                "FirstRun", "Made {file} in {folder}: fill in your products there."
            ).format(file=sheet.name, folder=sheet.parent)

        return make
