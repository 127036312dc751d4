"""The programme of ``feed_world.World`` on the server layer, and the service's address."""

import pytest
from feed_world import world_in_test


@pytest.fixture
def world(server, shared_feed_world):
    return world_in_test(server, shared_feed_world)


@pytest.fixture
def ogc_url(world, server):
    return f"{server['portal'].absolute_url()}/ogc"
