"""The web app in a real browser: tests/browser/web.spec.mjs with playwright-core and the
system Chromium (never a browser download). Skips when node, playwright-core or Chromium is
missing (``scripts/browser-setup`` installs them), or when the seed corpus is absent."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import SEED

BROWSER_DIR = Path(__file__).parent / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_web_app_in_a_browser(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (run scripts/browser-setup)")
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        pytest.skip("playwright-core is not installed in tests/browser (run scripts/browser-setup)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no Chromium at {CHROMIUM} (run scripts/browser-setup, or set CHROMIUM)")
    if not SEED.is_dir():
        pytest.skip(f"seed corpus not found at {SEED}")

    db = tmp_path / "browser.db"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "corroborate",
            "add",
            str(SEED),
            str(BROWSER_DIR / "hostile.jsonl"),
            "--db",
            str(db),
            "--embedder",
            "hashing",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.1)
        run = subprocess.run(
            [node, "web.spec.mjs"],
            cwd=BROWSER_DIR,
            capture_output=True,
            text=True,
            timeout=240,
            env={**env, "BASE_URL": f"http://127.0.0.1:{port}", "CHROMIUM": CHROMIUM},
        )
        print(run.stdout)
        assert run.returncode == 0, run.stdout + run.stderr
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
