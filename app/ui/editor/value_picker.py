"""“Insert a value” beside every templated setting: a menu of the values a setting can use at its
place in the workflow, in words (“The order ▸ customer ▸ email”, “Decide what ships now and
what later ▸ total”), that inserts the template (``{{ steps.plan.output.total }}``) at the
cursor as one edit through the field's own commit; and, under a setting holding one value and
nothing else, that value in words (“From the order: number”). The values are the one list the
template completer shows (``template_paths``: the sample order's fields and the earlier steps'
outputs, from their types' sample output). From the keyboard: Alt+Down in the box opens the
menu, or Tab from the box to the button and Space or Enter; arrows move in the menu."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import templates
from app.core.i18n import QT_TRANSLATE_NOOP, translate
from app.core.model import Workflow
from app.core.schema import declared
from app.core.stepspec import SpecRegistry
from app.ui.style import MUTED, icon
from app.ui.text import PlainLabel

_NAME = re.compile(r"^[A-Za-z_]\w*$")

# Words for the names data is usually given under (an order's, a step type's sample output):
# a name not here is shown as written, its underscores as spaces.
KEY_WORDS = {
    "number": QT_TRANSLATE_NOOP("ValuePicker", "number"),
    "customer": QT_TRANSLATE_NOOP("ValuePicker", "customer"),
    "name": QT_TRANSLATE_NOOP("ValuePicker", "name"),
    "email": QT_TRANSLATE_NOOP("ValuePicker", "email"),
    "phone": QT_TRANSLATE_NOOP("ValuePicker", "phone"),
    "address": QT_TRANSLATE_NOOP("ValuePicker", "address"),
    "lines": QT_TRANSLATE_NOOP("ValuePicker", "items ordered"),
    "items": QT_TRANSLATE_NOOP("ValuePicker", "items"),
    "total": QT_TRANSLATE_NOOP("ValuePicker", "total"),
    "currency": QT_TRANSLATE_NOOP("ValuePicker", "currency"),
    "sku": QT_TRANSLATE_NOOP("ValuePicker", "product code"),
    "qty": QT_TRANSLATE_NOOP("ValuePicker", "quantity"),
    "price": QT_TRANSLATE_NOOP("ValuePicker", "price"),
    "note": QT_TRANSLATE_NOOP("ValuePicker", "note"),
    "status": QT_TRANSLATE_NOOP("ValuePicker", "status"),
    "body": QT_TRANSLATE_NOOP("ValuePicker", "reply"),
    "id": QT_TRANSLATE_NOOP("ValuePicker", "reference number"),
    "result": QT_TRANSLATE_NOOP("ValuePicker", "result"),
    "count": QT_TRANSLATE_NOOP("ValuePicker", "how many"),
    "found": QT_TRANSLATE_NOOP("ValuePicker", "found"),
    "choice": QT_TRANSLATE_NOOP("ValuePicker", "choice"),
    "values": QT_TRANSLATE_NOOP("ValuePicker", "answers"),
    "by": QT_TRANSLATE_NOOP("ValuePicker", "answered by"),
    "at": QT_TRANSLATE_NOOP("ValuePicker", "answered at"),
    "now": QT_TRANSLATE_NOOP("ValuePicker", "now"),
    "later": QT_TRANSLATE_NOOP("ValuePicker", "later"),
    "ready": QT_TRANSLATE_NOOP("ValuePicker", "ready"),
    "short": QT_TRANSLATE_NOOP("ValuePicker", "short"),
    "missing": QT_TRANSLATE_NOOP("ValuePicker", "missing"),
    "all_available": QT_TRANSLATE_NOOP("ValuePicker", "all in stock"),
    "ready_total": QT_TRANSLATE_NOOP("ValuePicker", "total of what is ready"),
    "outcome": QT_TRANSLATE_NOOP("ValuePicker", "outcome"),
    "to": QT_TRANSLATE_NOOP("ValuePicker", "sent to"),
    "sent": QT_TRANSLATE_NOOP("ValuePicker", "sent"),
    "refused": QT_TRANSLATE_NOOP("ValuePicker", "refused"),
    "message_id": QT_TRANSLATE_NOOP("ValuePicker", "message reference"),
    "waited_until": QT_TRANSLATE_NOOP("ValuePicker", "waited until"),
    "changed": QT_TRANSLATE_NOOP("ValuePicker", "changed"),
}
TOOLTIP = QT_TRANSLATE_NOOP(
    "ValuePicker", "Insert a value from the order or an earlier step (Alt+Down)"
)
ORDER_TOOLTIP = QT_TRANSLATE_NOOP("ValuePicker", "Insert a value from the order (Alt+Down)")
EARLIER = QT_TRANSLATE_NOOP("ValuePicker", "From the steps before it")
ANY_STEP = QT_TRANSLATE_NOOP("ValuePicker", "From the steps")


# -- the values a setting can use ------------------------------------------------------------------
class ValuePaths(list[str]):
    """Template paths, each as the operator inserts it (``{{ trigger.order.number }}``): what
    the completer lists and the “Insert a value” menu shows, with the titles of the steps
    they name (``titles``: step name → its title on the canvas) and what the sample order
    holds in its fields (``examples``: template → a short text, “1042”)."""

    def __init__(
        self,
        paths: Iterable[str] = (),
        titles: Mapping[str, str] | None = None,
        examples: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(paths)
        self.titles: dict[str, str] = dict(titles or {})
        self.examples: dict[str, str] = dict(examples or {})

    def order_only(self) -> ValuePaths:
        """The order's values alone (what the order key may use: no step has run yet)."""
        return ValuePaths(
            (p for p in self if (parts(p) or [""])[0] == "trigger"), self.titles, self.examples
        )


def _segment(key: str) -> str:
    """``.key`` as a template reads it; ``['key']`` for a dict method's name (``values``)."""
    return f"['{key}']" if key in templates.DATA_METHOD_NAMES else f".{key}"


def _walk(prefix: str, value: Any, out: list[str], examples: dict[str, str] | None = None) -> None:
    out.append(prefix)
    if isinstance(value, dict):
        for k, v in value.items():
            # a name no template can write as a path ("SAMPLE-1", a row of a sample sheet)
            # is an example, not a field
            if isinstance(k, str) and _NAME.match(k):
                _walk(prefix + _segment(k), v, out, examples)
    elif examples is not None and isinstance(value, str | int | float) and value != "":
        if not isinstance(value, bool):
            text = str(value)
            examples["{{ " + prefix + " }}"] = text if len(text) <= 24 else text[:23] + "…"


def template_paths(wf: Workflow, specs: SpecRegistry, name: str | None) -> ValuePaths:
    """Template paths a setting can use: the sample order's fields, and the outputs of the
    steps that run before step ``name`` (every step's for the workflow's own settings, ``name``
    None: its order total may name any), each walked through its type's sample output for
    these settings."""
    paths: list[str] = []
    examples: dict[str, str] = {}  # the sample order's own values, beside its fields
    _walk("trigger", wf.extra.get("sample_input") or {}, paths, examples)
    steps = wf.upstream(name) if name else wf.step_names()
    titles: dict[str, str] = {}
    for up in steps:
        step = wf.step(up)
        spec = specs.get(step.type) if step else None
        if step is None:
            continue
        titles[up] = step.title or (declared(spec.title) if spec else up)
        sample: Any = {}
        if spec is not None and spec.sample_output is not None:
            try:
                sample = spec.sample_output(step.config)
            except Exception:  # noqa: BLE001 - an odd setting must not break the editor
                sample = {}
        _walk(f"steps.{up}.output", sample, paths)
    # two steps of one title (“Did the customer give an email address?” on two paths) are
    # told apart by their names in templates
    seen = list(titles.values())
    for up, title in titles.items():
        if seen.count(title) > 1:
            titles[up] = f"{title} ({up})"
    return ValuePaths(("{{ " + p + " }}" for p in paths), titles, examples)


def parts(text: str) -> list[str | int] | None:
    """The path of a template that is one value and nothing else (``{{ steps.plan.output
    .total }}`` → ``["steps", "plan", "output", "total"]``); None for anything else (text
    around it, a filter, a comparison, two values)."""
    if "{{" not in text or "{%" in text:
        return None
    try:
        tree = templates.environment().parse(text)
    except Exception:  # noqa: BLE001 - half-typed text is not a value
        return None
    from jinja2 import nodes  # loaded with the environment

    outputs = [n for n in tree.body if isinstance(n, nodes.Output)]
    if len(tree.body) != 1 or len(outputs) != 1:
        return None
    found = [
        n
        for n in outputs[0].nodes
        if not (isinstance(n, nodes.TemplateData) and not n.data.strip())
    ]
    if len(found) != 1:
        return None
    node, path = found[0], list[str | int]()
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            path.append(node.attr)
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str | int):
            path.append(node.arg.value)
        else:
            return None
        node = node.node
    if not isinstance(node, nodes.Name):
        return None
    return [node.name, *reversed(path)]


# -- in words ----------------------------------------------------------------------------------
def key_words(key: str | int) -> str:
    if isinstance(key, int):
        return translate("ValuePicker", "item {number}").format(number=key + 1)
    known = KEY_WORDS.get(key)
    return translate("ValuePicker", known) if known else key.replace("_", " ")


def _what(rest: list[str | int]) -> str:
    return " › ".join(key_words(k) for k in rest) or translate("ValuePicker", "all of it")


def _order_rest(path: list[str | int]) -> list[str | int]:
    """What of the order a ``trigger…`` path reads (an order's own level, ``order``, unsaid)."""
    rest = path[1:]
    return rest[1:] if rest[:1] == ["order"] else rest


def in_words(text: str, titles: Mapping[str, str]) -> str:
    """Where a setting holding one value takes it from, in words (“From the order: number”,
    “From “Decide what ships now and what later”: total”); "" for anything else."""
    path = parts(text)
    if not path:
        return ""
    if path[0] == "trigger":
        return translate("ValuePicker", "From the order: {what}").format(
            what=_what(_order_rest(path))
        )
    if path[0] == "steps" and len(path) >= 3 and path[2] == "output":
        name = str(path[1])
        return translate("ValuePicker", "From “{step}”: {what}").format(
            step=titles.get(name, name), what=_what(path[3:])
        )
    return ""


# -- the menu ------------------------------------------------------------------------------------
class _Node:
    """One value in the menu, and the values inside it."""

    def __init__(self, template: str = "") -> None:
        self.template = template
        self.children: dict[str | int, _Node] = {}

    def at(self, path: Iterable[str | int]) -> _Node:
        node = self
        for key in path:
            node = node.children.setdefault(key, _Node())
        return node


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")  # a title's "&" is not a shortcut letter


Pick = Callable[[str], None]


def _fill(menu: QMenu, node: _Node, pick: Pick, whole: str, examples: Mapping[str, str]) -> None:
    """``node``'s values into ``menu``: all of it first (``whole``), then each value inside it,
    a value with values inside it as a submenu of its own; beside a value, what the sample
    order holds there (``examples``)."""
    if node.template:
        _action(menu, whole, node.template, pick)
        if node.children:
            menu.addSeparator()
    for key, child in node.children.items():
        if child.children:
            sub = menu.addMenu(_menu_text(key_words(key)))
            sub.setToolTipsVisible(True)
            _fill(sub, child, pick, translate("ValuePicker", "All of it"), examples)
        elif child.template:
            _action(menu, key_words(key), child.template, pick, examples.get(child.template))


def _action(menu: QMenu, text: str, template: str, pick: Pick, example: str | None = None) -> None:
    # the example in the column a shortcut would take: right of the words, greyed
    action = menu.addAction(_menu_text(text) + (f"\t{_menu_text(example)}" if example else ""))
    action.setToolTip(template)  # what is inserted, for those who read templates
    action.setData(template)
    action.triggered.connect(lambda _checked=False, t=template: pick(t))


def fill_menu(
    menu: QMenu, paths: ValuePaths, pick: Callable[[str], None], heading: str = EARLIER
) -> None:
    """The values of ``paths`` grouped by where they come from: “The order”, then under
    ``heading`` one submenu per step by its title; choosing one calls ``pick`` with its
    template."""
    menu.setToolTipsVisible(True)
    order, steps = _Node(), _Node()
    for template in paths:
        path = parts(template)
        if not path:
            continue
        if path[0] == "trigger":
            order.at(path[1:]).template = template
        elif path[0] == "steps" and len(path) >= 3 and path[2] == "output":
            steps.at([path[1], *path[3:]]).template = template
    if order.template:
        inner = order.children.get("order")
        if inner is not None and len(order.children) == 1:
            order = inner  # the sample is {"order": {...}}: its fields are the order's
        sub = menu.addMenu(translate("ValuePicker", "The order"))
        sub.setObjectName("valuesOrder")
        sub.setToolTipsVisible(True)
        _fill(sub, order, pick, translate("ValuePicker", "The whole order"), paths.examples)
    if steps.children:
        menu.addSeparator()
        said = menu.addAction(translate("ValuePicker", heading))
        said.setEnabled(False)
        for name, node in steps.children.items():
            sub = menu.addMenu(_menu_text(paths.titles.get(str(name), str(name))))
            sub.setObjectName(f"valuesStep_{name}")
            sub.setToolTipsVisible(True)
            _fill(sub, node, pick, translate("ValuePicker", "All of its result"), {})
    if menu.isEmpty():
        nothing = menu.addAction(
            translate(
                "ValuePicker",
                "Nothing to insert yet: give the workflow a sample order, or connect a step "
                "before this one.",
            )
        )
        nothing.setEnabled(False)


# -- beside a setting ----------------------------------------------------------------------------
def _inside_json_text(text: str) -> bool:
    """Whether the end of ``text`` (JSON being written) is inside a quoted string."""
    inside, escaped = False, False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\" and inside:
            escaped = True
        elif ch == '"':
            inside = not inside
    return inside


GLYPH, BLUE, FOCUS_BLUE = "fa5s.plus-circle", "#2563eb", "#1e3a8a"


def _focused_glyph() -> QIcon:
    """The button's glyph while it has the keyboard's focus: white on a dark blue tile (the
    line edit's own button draws no focus frame), so Tab landing on it shows."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(FOCUS_BLUE))
    painter.drawRoundedRect(QRectF(0, 0, 32, 32), 7, 7)
    painter.drawPixmap(3, 3, icon(GLYPH, "#ffffff").pixmap(26, 26))
    painter.end()
    return QIcon(pixmap)


def _opens_menu(event: QKeyEvent) -> bool:
    """Alt+Down (as on a drop-down list) in the box or on its button; Enter on the button."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.key() == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.AltModifier) or (
        event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and mods == Qt.KeyboardModifier.NoModifier
    )


class ValueField(QWidget):
    """A templated setting's box with its “Insert a value” button in it (at its right end) and,
    under it, the value it holds in words. ``commit`` is the box's own way of saying it was
    edited (``editingFinished``, a text box's commit): an inserted value is one edit, one undo
    step. ``json`` boxes hold JSON: a value inserted outside its quotes gets quotes of its own.
    ``heading`` names the steps the menu lists (``EARLIER``, or ``ANY_STEP`` for a workflow's
    order total).

    The button is the box's own child (a line edit's trailing action; a text box's corner): a
    click on it leaves the focus in the box, so its cursor stays where the operator left it
    and nothing is committed before the value is in. From the keyboard, Alt+Down in the box
    opens the menu there (the same one edit); and Tab from a line edit lands on the button
    (drawn white on blue then), where Space or Enter opens the menu: what was typed was
    committed on leaving the box, and the value goes in at the cursor the box had."""

    def __init__(
        self,
        editor: QLineEdit | QPlainTextEdit,
        paths: ValuePaths,
        commit: Callable[[], None],
        json: bool = False,
        heading: str = EARLIER,
    ) -> None:
        super().__init__()
        self.editor, self.paths, self.commit, self.json = editor, paths, commit, json
        self.heading = heading
        self.menu: QMenu | None = None
        self._had_focus = False
        self._clicked_in = False  # the box got the focus from the mouse press under way
        self._tabbed_in = False  # the button has the focus, come to by Tab from the box
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        tip = translate("ValuePicker", TOOLTIP if paths.titles else ORDER_TOOLTIP)
        self.glyph, self.focused_glyph = icon(GLYPH, BLUE), _focused_glyph()
        glyph = self.glyph
        self.action: QAction | None = None
        if isinstance(editor, QLineEdit):
            action = QAction(glyph, translate("ValuePicker", "Insert a value"), editor)
            self.action = action
            action.setToolTip(tip)
            editor.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
            self.button = next(
                b for b in editor.findChildren(QToolButton) if b.defaultAction() is action
            )
            action.triggered.connect(self.open_menu)
        else:
            self.button = QToolButton(editor)
            self.button.setIcon(glyph)
            self.button.setIconSize(QSize(16, 16))
            self.button.setFixedSize(20, 20)
            self.button.setAutoRaise(True)
            self.button.setCursor(Qt.CursorShape.ArrowCursor)
            self.button.clicked.connect(self.open_menu)
            editor.setViewportMargins(0, 0, 22, 0)  # a column for it: no text under it
            editor.viewport().installEventFilter(self)
        self.button.setObjectName(f"{editor.objectName()}_insert")
        self.button.setToolTip(tip)
        self.button.setAccessibleName(translate("ValuePicker", "Insert a value"))
        # in the Tab order right after its box, never taking the focus from a click (which
        # leaves the box being edited)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        QWidget.setTabOrder(editor, self.button)
        self.button.pressed.connect(self._remember_focus)
        editor.installEventFilter(self)
        self.button.installEventFilter(self)
        self.words = PlainLabel("")
        self.words.setObjectName(f"{editor.objectName()}_words")
        self.words.setWordWrap(True)
        self.words.setStyleSheet(f"color: {MUTED}")
        self.words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.words.hide()
        lay.addWidget(self.words)
        editor.textChanged.connect(self.show_words)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.button:
            return self._button_event(event) or super().eventFilter(watched, event)
        if watched is self.editor:
            if (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down
                and _opens_menu(event)
            ):
                # the operator is in the box: the value goes at its cursor, one edit
                self._had_focus = True
                self.open_menu()
                return True
            if (
                event.type() == QEvent.Type.FocusIn
                and isinstance(event, QFocusEvent)
                and event.reason() == Qt.FocusReason.MouseFocusReason
            ):
                # a press on the button gives the box the focus first: it was not being
                # edited (cleared once this press is handled)
                self._clicked_in = True
                QTimer.singleShot(0, self, self._forget_click)
        elif event.type() == QEvent.Type.Resize and isinstance(self.editor, QPlainTextEdit):
            port = self.editor.viewport().geometry()  # its page: the button beside it
            self.button.move(port.right() + 2, port.top())
        return super().eventFilter(watched, event)

    def _button_event(self, event: QEvent) -> bool:
        """The button with the keyboard's focus: shown, and Enter or Alt+Down open the menu
        (Space is the button's own click). True when the event is handled here."""
        popup = isinstance(event, QFocusEvent) and (
            event.reason() == Qt.FocusReason.PopupFocusReason
        )
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            if not popup:  # (back from its menu: as it came)
                # come from the box by Tab: its cursor is where the value goes
                self._tabbed_in = event.reason() == Qt.FocusReason.TabFocusReason
            self._show_glyph(self.focused_glyph)
        elif event.type() == QEvent.Type.FocusOut and not popup:
            self._tabbed_in = False
            self._show_glyph(self.glyph)
        elif (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and _opens_menu(event)
        ):
            self._remember_focus()
            self.open_menu()
            return True
        return False

    def _show_glyph(self, glyph: QIcon) -> None:
        if self.action is not None:
            self.action.setIcon(glyph)  # the line edit's button draws its action's icon
        else:
            self.button.setIcon(glyph)

    def _forget_click(self) -> None:
        self._clicked_in = False

    def _remember_focus(self) -> None:
        self._had_focus = (self.editor.hasFocus() and not self._clicked_in) or (
            self.button.hasFocus() and self._tabbed_in
        )

    def open_menu(self) -> QMenu:
        """The menu of values under the button, ending at the box's right end (kept in
        ``menu`` while it is open); the arrow keys move in it, Enter chooses, Escape closes
        it."""
        if self.menu is not None:
            self.menu.deleteLater()
        # the box's own popup (as its completer's is): opening it is not leaving the box, so
        # what was typed there and the value chosen are one edit
        self.menu = QMenu(self.editor)
        self.menu.setObjectName("valueMenu")
        fill_menu(self.menu, self.paths, self.insert, self.heading)
        # under the button, its right edge at the box's right end: the inspector is at the
        # window's right, where a menu opening rightwards would be pushed back over the box
        corner = self.button.mapToGlobal(QPoint(self.button.width(), self.button.height()))
        self.menu.popup(QPoint(corner.x() - self.menu.sizeHint().width(), corner.y()))
        return self.menu

    def insert(self, template: str) -> None:
        """Put ``template`` at the box's cursor (over its selection; at the end of a box the
        operator was not in), then commit it: one edit."""
        e = self.editor
        if isinstance(e, QLineEdit):
            if not self._had_focus and not e.hasSelectedText():
                e.setCursorPosition(len(e.text()))
            if self.json and not _inside_json_text(e.text()[: e.cursorPosition()]):
                template = f'"{template}"'
            completer = e.completer()
            e.setCompleter(None)  # type: ignore[arg-type]  # a whole value: no suggestions
            e.insert(template)
            e.setCompleter(completer)
        else:
            cursor = e.textCursor()
            if not self._had_focus and not cursor.hasSelection():
                cursor.movePosition(cursor.MoveOperation.End)
            before = e.toPlainText()[: cursor.selectionStart()]
            if self.json and not _inside_json_text(before):
                template = f'"{template}"'
            cursor.insertText(template)
            e.setTextCursor(cursor)
        self._had_focus = True
        e.setFocus(Qt.FocusReason.OtherFocusReason)
        self.commit()

    def show_words(self, *_a: Any) -> None:
        """Under the box: the value it holds in words, when it holds one value only."""
        if self.json:
            return
        e = self.editor
        text = e.text() if isinstance(e, QLineEdit) else e.toPlainText()
        words = in_words(text, self.paths.titles)
        if words != self.words.text():
            self.words.setText(words)
        self.words.setVisible(bool(words))
