"""The GUI entry point's last guard: the unforeseen is one sentence and a log line."""

from __future__ import annotations

from pathlib import Path

import pytest

from secrecy_desk import app


def test_an_unforeseen_error_before_the_window_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], log_dir: Path
) -> None:
    def broken(argv: object) -> object:
        table: dict[str, object] = {}
        return table["missing"]  # a KeyError nobody foresaw

    monkeypatch.setattr(app, "parse_args", broken)
    assert app.main(["--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "KeyError" in err
    assert "Traceback" in (log_dir / "secrecy-desk.log").read_text()


def test_a_bad_argument_is_argparse_usage_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        app.main(["--no-such-option"])
    assert caught.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
