"""What changed between two versions of a workflow, in the operator's words: steps by their
titles, settings by their field labels (from the step types' declared schema). Publish shows it;
every version keeps it as its summary. Pure logic: no I/O.

Each sentence is ``said``: English text that carries its template (``app.core.i18n.words_of``),
so a screen or the command line shows it in the reader's language (``app.core.i18n.shown``);
lists and phrases inside a sentence are said sentences of their own."""

from __future__ import annotations

from typing import Any

from app.core.i18n import QT_TRANSLATE_NOOP, said, shown, words_of
from app.core.model import Step, Workflow
from app.core.stepspec import SpecRegistry

TRIGGER_WORDS = {
    "imap": QT_TRANSLATE_NOOP("Changes", "email"),
    "webform": QT_TRANSLATE_NOOP("Changes", "web form"),
    "webhook": QT_TRANSLATE_NOOP("Changes", "webhook"),
    "marketplace": QT_TRANSLATE_NOOP("Changes", "marketplace"),
    "schedule": QT_TRANSLATE_NOOP("Changes", "schedule"),
    "manual": QT_TRANSLATE_NOOP("Changes", "by hand"),
}


def _listed(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: each joint a said sentence of its own."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return said(
            QT_TRANSLATE_NOOP("Changes", "{first} and {last}"), first=items[0], last=items[1]
        )
    return said(
        QT_TRANSLATE_NOOP("Changes", "{first}, {rest}"), first=items[0], rest=_listed(items[1:])
    )


def _quoted(names: list[str]) -> str:
    return _listed([f"“{n}”" for n in names])


def _label(specs: SpecRegistry | None, step: Step, key: str) -> str:
    spec = specs.get(step.type) if specs is not None else None
    f = spec.field(key) if spec is not None else None
    if f is None:
        return key.replace("_", " ")
    # a declared label is marked (context "Steps"): said, so it is shown translated
    marked = getattr(f.label, "context", "") and "{" not in f.label
    return said(f.label) if marked else f.label


def _step_changes(old: Step, new: Step, specs: SpecRegistry | None) -> list[str]:
    """What changed in one step (same name in both versions), as short phrases."""
    parts: list[str] = []
    if old.type != new.type:
        parts.append(said(QT_TRANSLATE_NOOP("Changes", "its kind of step")))
    keys = list(dict.fromkeys([*old.config, *new.config]))
    labels = [_label(specs, new, k) for k in keys if old.config.get(k) != new.config.get(k)]
    if len(labels) == 1:
        parts.append(said(QT_TRANSLATE_NOOP("Changes", "setting “{label}”"), label=labels[0]))
    elif labels:
        quoted = [said(QT_TRANSLATE_NOOP("Changes", "“{label}”"), label=lb) for lb in labels]
        parts.append(
            said(QT_TRANSLATE_NOOP("Changes", "settings {labels}"), labels=_listed(quoted))
        )
    if old.retry != new.retry:
        parts.append(said(QT_TRANSLATE_NOOP("Changes", "its retry settings")))
    if old.extra != new.extra:
        parts.append(said(QT_TRANSLATE_NOOP("Changes", "its other details")))
    return parts


def _trigger_word(t: Any) -> str:
    word = TRIGGER_WORDS.get(t.type)
    kind = said(word) if word is not None else t.type
    return said(QT_TRANSLATE_NOOP("Changes", "{kind} “{id}”"), kind=kind, id=t.id)


def _joined(parts: list[str]) -> str:
    """Phrases of one sentence, one after another with commas."""
    if len(parts) == 1:
        return parts[0]
    return said(
        QT_TRANSLATE_NOOP("Changes", "{first}, {rest}"), first=parts[0], rest=_joined(parts[1:])
    )


def describe_changes(
    old: Workflow | None, new: Workflow, specs: SpecRegistry | None = None
) -> list[str]:
    """One sentence per change from ``old`` to ``new`` (None: a new workflow): steps added,
    removed, renamed or changed (naming the settings by their labels when ``specs`` is given),
    connections, order sources, business key, description and sample order. An empty list
    means nothing changed; moving steps on the canvas is one sentence of its own."""
    if old is None:
        n = len(new.steps)
        if n == 1:
            return [said(QT_TRANSLATE_NOOP("Changes", "New workflow with 1 step."))]
        return [said(QT_TRANSLATE_NOOP("Changes", "New workflow with {count} steps."), count=n)]
    out: list[str] = []
    olds = {s.name: s for s in old.steps}
    news = {s.name: s for s in new.steps}
    label = {**{n: s.label for n, s in olds.items()}, **{n: s.label for n, s in news.items()}}
    added = [s.label for n, s in news.items() if n not in olds]
    removed = [s.label for n, s in olds.items() if n not in news]
    if added:
        out.append(said(QT_TRANSLATE_NOOP("Changes", "Added {steps}."), steps=_quoted(added)))
    if removed:
        out.append(said(QT_TRANSLATE_NOOP("Changes", "Removed {steps}."), steps=_quoted(removed)))
    moved = False
    for name, s in news.items():
        before = olds.get(name)
        if before is None:
            continue
        if before.label != s.label:
            out.append(
                said(
                    QT_TRANSLATE_NOOP("Changes", "Renamed “{old}” to “{new}”."),
                    old=before.label,
                    new=s.label,
                )
            )
        if parts := _step_changes(before, s, specs):
            out.append(
                said(
                    QT_TRANSLATE_NOOP("Changes", "Changed “{step}”: {changes}."),
                    step=s.label,
                    changes=_joined(parts),
                )
            )
        moved = moved or before.position != s.position
    gone, made = set(old.edges) - set(new.edges), set(new.edges) - set(old.edges)
    for e in sorted(made, key=lambda e: (e.source, e.port, e.target)):
        if e.source in olds and e.target in olds:  # links of added steps say nothing new
            if e.port != "out":
                template = QT_TRANSLATE_NOOP(
                    "Changes", "“{source}” now leads to “{target}” by “{port}”."
                )
            else:
                template = QT_TRANSLATE_NOOP("Changes", "“{source}” now leads to “{target}”.")
            out.append(said(template, source=label[e.source], target=label[e.target], port=e.port))
    for e in sorted(gone, key=lambda e: (e.source, e.port, e.target)):
        if e.source in news and e.target in news:
            if e.port != "out":
                template = QT_TRANSLATE_NOOP(
                    "Changes", "“{source}” no longer leads to “{target}” by “{port}”."
                )
            else:
                template = QT_TRANSLATE_NOOP("Changes", "“{source}” no longer leads to “{target}”.")
            out.append(said(template, source=label[e.source], target=label[e.target], port=e.port))
    old_t = {t.id: t for t in old.triggers}
    new_t = {t.id: t for t in new.triggers}
    for tid, t in new_t.items():
        if tid not in old_t:
            out.append(
                said(
                    QT_TRANSLATE_NOOP("Changes", "Orders now also come from {trigger}."),
                    trigger=_trigger_word(t),
                )
            )
        elif old_t[tid].to_dict() != t.to_dict():
            if old_t[tid].enabled and not t.enabled:
                template = QT_TRANSLATE_NOOP(
                    "Changes", "Changed where orders come from: {trigger} switched off."
                )
            elif t.enabled and not old_t[tid].enabled:
                template = QT_TRANSLATE_NOOP(
                    "Changes", "Changed where orders come from: {trigger} switched on."
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "Changes", "Changed where orders come from: {trigger}."
                )
            out.append(said(template, trigger=_trigger_word(t)))
    out += [
        said(
            QT_TRANSLATE_NOOP("Changes", "Orders no longer come from {trigger}."),
            trigger=_trigger_word(t),
        )
        for tid, t in old_t.items()
        if tid not in new_t
    ]
    if old.business_key != new.business_key:
        out.append(
            said(
                QT_TRANSLATE_NOOP("Changes", "Changed how orders are numbered (the business key).")
            )
        )
    if old.description != new.description:
        out.append(said(QT_TRANSLATE_NOOP("Changes", "Changed the description.")))
    if old.extra.get("sample_input") != new.extra.get("sample_input"):
        out.append(said(QT_TRANSLATE_NOOP("Changes", "Changed the sample order.")))
    if old.name != new.name:
        out.append(
            said(
                QT_TRANSLATE_NOOP("Changes", "Renamed the workflow from “{old}” to “{new}”."),
                old=old.name,
                new=new.name,
            )
        )
    if moved:
        out.append(said(QT_TRANSLATE_NOOP("Changes", "Moved steps on the canvas.")))
    return out


def summary(lines: list[str]) -> tuple[str, list[dict[str, Any]] | None]:
    """A version's summary as stored: its English text and each sentence's template (None
    when a sentence has none)."""
    if not lines:
        lines = [said(QT_TRANSLATE_NOOP("Changes", "No changes."))]
    words = [words_of(line) for line in lines]
    return " ".join(lines), [w for w in words if w] if all(words) else None


def shown_summary(words: Any, stored: str) -> str:
    """A stored summary in the reader's language; as stored when written without templates."""
    if not isinstance(words, list) or not words:
        return stored
    parts = [shown(w, "") for w in words]
    return " ".join(parts) if all(parts) else stored
