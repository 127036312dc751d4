"""The programme of ``feed_world.World`` on the server layer, and the service's address."""

import pytest
from feed_world import build_world


@pytest.fixture
def world(server):
    return build_world(server)


@pytest.fixture
def ogc_url(world, server):
    return f"{server['portal'].absolute_url()}/ogc"
