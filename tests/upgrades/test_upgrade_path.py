"""Every earlier profile version has a path of registered steps to the current one."""

from upgrade_helpers import FIRST_VERSION
from upgrade_helpers import PROFILE_ID
from upgrade_helpers import earlier_versions
from upgrade_helpers import profile_version
from upgrade_helpers import registered_steps


def follow(steps, version):
    """The versions the steps lead through from ``version``, as the tool would take them."""
    by_source = {int(source): int(dest) for source, dest in steps}
    visited = [version]
    while visited[-1] in by_source:
        visited.append(by_source[visited[-1]])
    return visited


def test_tool_reads_the_version_of_metadata_xml(setup_tool):
    assert setup_tool.getVersionForProfile(PROFILE_ID) == str(profile_version())
    assert profile_version() >= FIRST_VERSION


def test_fresh_site_is_at_the_profile_version_with_nothing_pending(setup_tool):
    assert setup_tool.getLastVersionForProfile(PROFILE_ID) == (str(profile_version()),)
    assert setup_tool.listUpgrades(PROFILE_ID) == []


def test_every_step_goes_forward_between_known_versions(setup_tool):
    for source, dest in registered_steps(setup_tool):
        assert source.isdigit(), f"step {source} -> {dest}: give its source version"
        assert dest.isdigit(), f"step {source} -> {dest}: give its destination version"
        assert FIRST_VERSION <= int(source) < int(dest) <= profile_version(), (source, dest)


def test_every_earlier_version_reaches_the_current_one(setup_tool):
    steps = registered_steps(setup_tool)
    for version in earlier_versions():
        path = follow(steps, version)
        assert path[-1] == profile_version(), f"from {version} the steps stop at {path[-1]}"


def test_no_step_is_dangling(setup_tool):
    """Every step is on the path from the first version (none starts where no site can be)."""
    steps = registered_steps(setup_tool)
    on_the_path = set(follow(steps, FIRST_VERSION))
    for source, dest in steps:
        assert int(source) in on_the_path, (source, dest)
        assert int(dest) in on_the_path, (source, dest)


def test_follow_finds_gaps_and_chains():
    # The checks above rest on ``follow``: a gap leaves a version behind.
    assert follow([("1000", "1001"), ("1001", "1002")], 1000) == [1000, 1001, 1002]
    assert follow([("1000", "1001"), ("1002", "1003")], 1000) == [1000, 1001]
    assert follow([], 1000) == [1000]


def test_upgrade_tool_lists_pending_steps_from_each_earlier_version(setup_tool):
    for version in earlier_versions()[:-1]:
        setup_tool.setLastVersionForProfile(PROFILE_ID, str(version))
        assert setup_tool.listUpgrades(PROFILE_ID), f"nothing registered from {version}"
    setup_tool.setLastVersionForProfile(PROFILE_ID, str(profile_version()))
    assert setup_tool.listUpgrades(PROFILE_ID) == []
