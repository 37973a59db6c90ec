"""Invalid bytes and lone surrogates in every argument of every command, and on standard
input: one sentence and a usage exit code, never a traceback."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from secrecy_desk import cli
from tests.fault.conftest import figure
from tests.support.vault import CLERK, OFFICER, VaultEnv, one_sentence

ROOT = Path(__file__).resolve().parents[2]
BAD = "\udcff\udcfe"  # what Python makes of the bytes b"\xff\xfe" in sys.argv


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*path, name))
    return found


def _arguments(parser: argparse.ArgumentParser) -> list[list[str]]:
    """One argv tail per argument of ``parser``, carrying the bad value in that argument."""
    tails: list[list[str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        if not action.option_strings:
            tails.append([BAD])
        elif action.nargs == 0:
            tails.append([action.option_strings[0], BAD])
        else:
            tails.append([action.option_strings[0], BAD])
            tails.append([f"{action.option_strings[-1]}={BAD}"])
    return tails


def test_a_surrogate_in_every_argument_of_every_command(vault_env: VaultEnv) -> None:
    tried = refused = 0
    top, _ = cli.build_parser()
    names = [path[0] for path, _p in _commands(top) if len(path) == 1]
    every = [
        (path, parser)
        for name in names
        for path, parser in _commands(cli.build_parser(name)[0])
        if path[:1] == (name,)
    ]
    for path, parser in every:
        for tail in _arguments(parser):
            argv = [*path, *tail, "--vault", str(vault_env.folder), "--as", OFFICER]
            r = vault_env.cli(argv, vault_env.passwords[OFFICER])
            tried += 1
            assert r.code == 2, (argv, r)
            one_sentence(r)
            assert "Argument" in r.err
            refused += 1
    figure("surrogates in CLI arguments", tried=tried, detected=refused, lost=tried - refused)
    assert tried > 50


def test_invalid_bytes_in_a_password_or_login_on_stdin(vault_env: VaultEnv) -> None:
    tried = 0
    for stdin in (f"Clerk-{BAD}-2026", "\ud800"):
        r = vault_env.cli(["users", "list", "--vault", str(vault_env.folder), "--as", CLERK], stdin)
        tried += 1
        assert r.code == 2, r
        one_sentence(r)
    figure("surrogates on stdin", tried=tried, detected=tried, lost=0)


def test_real_invalid_bytes_through_the_console_script(vault_env: VaultEnv) -> None:
    """The real thing: bytes that are not UTF-8 in argv and on stdin of a new process."""
    code = "import sys; from secrecy_desk.cli import main; sys.exit(main())"
    cases = [
        (
            [b"users", b"list", b"--vault", os.fsencode(vault_env.folder), b"--as", b"\xff\xfe"],
            b"x\n",
        ),
        ([b"export", b"--register", b"drawings", b"--where", b"\xc3(", b"--to", b"/x"], b"x\n"),
        (
            [b"users", b"list", b"--vault", os.fsencode(vault_env.folder), b"--as", b"zhaoclerk"],
            b"\xff\xfe\xfd\n",
        ),
    ]
    for args, stdin in cases:
        r = subprocess.run(
            [os.fsencode(sys.executable), b"-c", code.encode(), *args],
            input=stdin,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
            check=False,
        )
        err = r.stderr.decode("utf-8", errors="replace")
        assert "Traceback" not in err, err
        assert r.returncode == 2, (args, err)
        assert err.strip().count("\n") == 0, err
