"""Suite-wide fixtures: no network except loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.netguard import BLOCKED, install_guard


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Any attempt to reach a non-loopback host raises and fails the run."""
    uninstall = install_guard()
    yield
    uninstall()
    assert not BLOCKED, f"tests tried to reach the network: {BLOCKED}"
