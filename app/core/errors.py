"""Typed errors a step raises, so the engine knows whether to retry, stop, or reconcile.

Every message is written for the operator: what happened and what to do next.
"""

from __future__ import annotations

from app.core.i18n import Said


class DaloyError(Exception):
    """Base of all errors Daloy raises on purpose; ``str(err)`` is a sentence for the operator.

    A message written with ``app.core.i18n.said`` keeps its template through ``str(err)``: the
    text is the same English, and whoever stores it (``RunStore.fail``) stores its words
    beside it, so the screens say it in the operator's language."""

    def __str__(self) -> str:
        message = self.args[0] if len(self.args) == 1 else None
        return message if isinstance(message, Said) else super().__str__()


class WorkflowFormatError(DaloyError):
    """A workflow file that cannot be read (bad JSON, unknown format version, wrong shape)."""


class TemplateError(DaloyError):
    """A template that does not parse or fails while rendering (including sandbox refusals)."""


class StepError(DaloyError):
    """Base for errors raised by step code while it runs."""

    retryable: bool = False

    def __init__(self, message: str, *, detail: object | None = None) -> None:
        super().__init__(message)
        self.detail = detail


class RetryableError(StepError):
    """A temporary problem (system down, timeout before sending, 5xx): try again later."""

    retryable = True

    def __init__(
        self, message: str, *, detail: object | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, detail=detail)
        self.retry_after = retry_after


class PermanentError(StepError):
    """A problem retrying will not fix (4xx, bad data): a person must look at it."""


class OutcomeUnknownError(RetryableError):
    """The outside call may have happened (e.g. timeout after the request was sent).

    Before repeating it the engine asks the step type's ``reconcile`` what really happened.
    """


class ConfigurationError(PermanentError):
    """The step is set up wrongly (missing connection, missing secret, bad template)."""
