"""The reliability suite's figures (kill points, faults, bad inputs), printed after the run."""

import pytest

FIGURES: dict[str, str] = {}


@pytest.fixture
def cifras():
    """Where a test leaves a figure for the summary: `cifras["puntos de corte"] = "22 ..."`."""
    return FIGURES


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("confiabilidad: cifras")
        for name, value in FIGURES.items():
            terminalreporter.write_line(f"{name}: {value}")
