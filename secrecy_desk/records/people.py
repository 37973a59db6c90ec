"""People as screens and messages show them: by name, with the login only where two accounts
share a name (王芳（wangfang）). Records keep logins (stable, unique); only the showing differs.
"""

from __future__ import annotations

from collections import Counter

from secrecy_desk.vault.vault import Vault


class People:
    """Logins → the names people know each other by, read once per instance (the accounts
    table is small); a login no account has (an old record) shows as written."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._names: dict[str, str] | None = None

    def _table(self) -> dict[str, str]:
        if self._names is None:
            accounts = self._vault.accounts()
            shared = Counter(a.display_name.strip() for a in accounts)
            self._names = {
                a.login.casefold(): (
                    a.display_name.strip()
                    if shared[a.display_name.strip()] == 1 and a.display_name.strip()
                    else f"{a.display_name.strip()}（{a.login}）".lstrip()
                )
                for a in accounts
            }
        return self._names

    def name(self, login: str) -> str:
        """The person behind ``login``, as a screen shows them."""
        if not login:
            return ""
        return self._table().get(login.strip().casefold(), login)

    def refresh(self) -> None:
        """Read the accounts again (after one was added or renamed)."""
        self._names = None
