"""The pre-commit hook of .pre-commit-hooks.yaml, run as pre-commit runs it: its `entry` with the staged files
its `files` pattern selects, by the `mermaid-rs` binary in $MERMAID_RS (or on the PATH).

Building the hook's Rust environment the way pre-commit does (`cargo install`, a release build) would take
minutes on CI's machine, so the entry is run with the binary the tests built instead.
"""

import os
import pathlib
import re
import shutil
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def hook():
    [only] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return only


def run_hook(tmp_path, files):
    h = hook()
    binary = os.environ.get("MERMAID_RS") or shutil.which("mermaid-rs")
    if not binary:
        pytest.skip("no mermaid-rs binary: set MERMAID_RS")
    entry = h["entry"].split()
    assert entry[0] == "mermaid-rs"
    names = []
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        names.append(name)
    chosen = [n for n in names if re.search(h["files"], n)]
    result = subprocess.run([binary, *entry[1:], *chosen], cwd=tmp_path, capture_output=True, text=True)
    return chosen, result


def test_the_hook_is_a_rust_hook_on_markdown_and_mermaid_files():
    h = hook()
    assert h["id"] == "mermaid-rs-check" and h["language"] == "rust"
    for name in ["README.md", "docs/a.markdown", "flow.mmd", "x.mermaid"]:
        assert re.search(h["files"], name), name
    for name in ["main.rs", "notes.txt", "md"]:
        assert not re.search(h["files"], name), name


def test_good_files_pass(tmp_path):
    chosen, result = run_hook(
        tmp_path,
        {"doc.md": "# Doc\n\n```mermaid\ngraph TD\n  A --> B\n```\n", "flow.mmd": "sequenceDiagram\n  A->>B: hi\n", "x.py": "print()"},
    )
    assert chosen == ["doc.md", "flow.mmd"]
    assert result.returncode == 0, result.stderr


def test_a_broken_diagram_fails_the_commit_with_its_place(tmp_path):
    _, result = run_hook(
        tmp_path,
        {"ok.mmd": "graph TD\n  A --> B\n", "guide.md": "# Guide\n\n> ```mermaid\n> graph TD\n>   A -> B\n> ```\n"},
    )
    assert result.returncode == 1
    assert "guide.md:5:7: error: diagram 1: " in result.stdout, result.stdout
