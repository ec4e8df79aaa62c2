"""Helpers for the web end-to-end tests: a live uvicorn server and headless Chromium.

Chromium and chromedriver are Debian's (``.ci/install-browser`` installs them); Selenium
drives them with explicit paths, so Selenium Manager never looks for a driver online.
"""

from __future__ import annotations

import os
import shutil
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from benchmarks.load import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=en-US",
]
DESKTOP = (1280, 900)
PHONE = (390, 844)


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        return f"{' and '.join(missing)} not installed (run .ci/install-browser)"
    return None


def live(app: Starlette) -> AbstractContextManager[str]:
    """Serve ``app`` on an ephemeral loopback port (the shared helper); yield its URL."""
    return serve(app)


def start_chromium(profile: Path) -> Any:
    """A Selenium driver for headless Chromium with a throw-away profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    service = Service(executable_path=CHROMEDRIVER, log_output=str(profile.parent / "driver.log"))
    return webdriver.Chrome(options=opts, service=service)


def set_viewport(driver: Any, size: tuple[int, int]) -> None:
    """Emulate a viewport of ``size`` CSS pixels (a phone when narrower than 600)."""
    width, height = size
    driver.set_window_size(max(width, 600), height + 200)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def wait_for(driver: Any, script: str, timeout: float = 20.0) -> Any:
    """Run ``script`` (a JS expression body returning a value) until it is truthy."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(script))


def screenshot(driver: Any, name: str, dirs: list[Path]) -> list[Path]:
    """Save the viewport as ``name``.png into each of ``dirs``."""
    png = driver.get_screenshot_as_png()
    out = []
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
        path = d / f"{name}.png"
        path.write_bytes(png)
        out.append(path)
    return out
