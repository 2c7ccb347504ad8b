"""Email providers small shops use: server, port and security filled in for the connection forms
and the first-run setup, with each provider's app-password hint. Data only (no Qt, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import QT_TRANSLATE_NOOP

# (value stored in the connection, what the operator reads)
SECURITY_CHOICES: tuple[tuple[str, str], ...] = (
    ("ssl", QT_TRANSLATE_NOOP("Connections", "SSL/TLS")),
    ("starttls", QT_TRANSLATE_NOOP("Connections", "STARTTLS")),
    ("plain", QT_TRANSLATE_NOOP("Connections", "None — this computer only")),
)
# The usual port of each security choice, filled in when the operator picks one.
USUAL_PORTS = {
    "imap": {"ssl": 993, "starttls": 143, "plain": 143},
    "smtp": {"ssl": 465, "starttls": 587, "plain": 25},
}


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: str


@dataclass(frozen=True)
class MailPreset:
    key: str
    title: str
    imap: MailServer | None
    smtp: MailServer | None
    hint: str  # how to get the password the server accepts
    password_refused: str  # what to do when it refuses one

    def server(self, kind: str) -> MailServer | None:
        return self.imap if kind == "imap" else self.smtp if kind == "smtp" else None


PRESETS: tuple[MailPreset, ...] = (
    MailPreset(
        "gmail",
        QT_TRANSLATE_NOOP("Connections", "Gmail and Google Workspace"),
        MailServer("imap.gmail.com", 993, "ssl"),
        MailServer("smtp.gmail.com", 465, "ssl"),
        QT_TRANSLATE_NOOP(
            "Connections",
            "Gmail needs an app password, not your normal one: Google Account → Security → "
            "2-Step Verification → App passwords. The user name is the full email address.",
        ),
        QT_TRANSLATE_NOOP(
            "Connections",
            "for Gmail use an app password (Google Account → Security → App passwords)",
        ),
    ),
    MailPreset(
        "outlook",
        QT_TRANSLATE_NOOP("Connections", "Outlook and Microsoft 365"),
        MailServer("outlook.office365.com", 993, "ssl"),
        MailServer("smtp.office365.com", 587, "starttls"),
        QT_TRANSLATE_NOOP(
            "Connections",
            "Microsoft 365: your administrator must allow IMAP and SMTP sign-in for this "
            "mailbox; with two-step verification, create an app password in your Microsoft "
            "account's security settings.",
        ),
        QT_TRANSLATE_NOOP(
            "Connections",
            "for Microsoft 365 ask your administrator to allow IMAP/SMTP sign-in, or use an "
            "app password",
        ),
    ),
    MailPreset(
        "yahoo",
        QT_TRANSLATE_NOOP("Connections", "Yahoo Mail"),
        MailServer("imap.mail.yahoo.com", 993, "ssl"),
        MailServer("smtp.mail.yahoo.com", 465, "ssl"),
        QT_TRANSLATE_NOOP(
            "Connections",
            "Yahoo needs an app password: Account info → Account security → Generate app password.",
        ),
        QT_TRANSLATE_NOOP(
            "Connections",
            "for Yahoo use an app password (Account security → Generate app password)",
        ),
    ),
    MailPreset(
        "zoho",
        QT_TRANSLATE_NOOP("Connections", "Zoho Mail"),
        MailServer("imap.zoho.com", 993, "ssl"),
        MailServer("smtp.zoho.com", 465, "ssl"),
        QT_TRANSLATE_NOOP(
            "Connections",
            "Zoho: switch on IMAP access in Zoho Mail's settings; with two-factor "
            "authentication, use an application-specific password.",
        ),
        QT_TRANSLATE_NOOP(
            "Connections",
            "for Zoho use an application-specific password and check IMAP access is on",
        ),
    ),
    MailPreset(
        "other",
        QT_TRANSLATE_NOOP("Connections", "Other"),
        None,
        None,
        QT_TRANSLATE_NOOP(
            "Connections",
            "Your provider's help pages name the server, port and security to use; many need "
            "an app password rather than your normal one.",
        ),
        QT_TRANSLATE_NOOP(
            "Connections", "check the user name and password (many providers need an app password)"
        ),
    ),
)
BY_KEY = {p.key: p for p in PRESETS}


def preset_for(host: str | None) -> MailPreset:
    """The provider whose server ``host`` is (for the right hint when a password is refused)."""
    host = (host or "").lower()
    for preset in PRESETS:
        if any(s is not None and s.host == host for s in (preset.imap, preset.smtp)):
            return preset
    return BY_KEY["other"]
