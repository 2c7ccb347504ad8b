"""Real servers for tests (IMAP via dovecot, SMTP via aiosmtpd, HTTP services), started on
127.0.0.1 with free ports by fixtures in ``tests/conftest.py`` and stopped after."""
