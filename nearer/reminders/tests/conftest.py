"""Members in the two time zones the daylight-saving tests use."""

import pytest


@pytest.fixture
def in_new_york(alice):
    alice.time_zone = "America/New_York"
    alice.save(update_fields=["time_zone"])
    return alice


@pytest.fixture
def in_london(erin):
    erin.time_zone = "Europe/London"
    erin.save(update_fields=["time_zone"])
    return erin
