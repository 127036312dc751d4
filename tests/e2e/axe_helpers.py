"""Accessibility checks of a page in the browser tests, with axe-core.

``assert_accessible(page)`` runs axe-core (``node_modules/axe-core``, pinned in
package.json and installed by ``make install``) on the page as it is now and
fails, naming each rule and the elements it found, when a violation of impact
"serious" or "critical" is there. Lesser findings ("minor", "moderate") are
left for people to judge from the test's output.
"""

from pathlib import Path


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def violations(page, exclude=()):
    """axe-core's violations on the page, ``exclude`` naming CSS selectors to leave out."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (exclude) => {
            const context = exclude.length
                ? {include: [document], exclude: exclude.map((selector) => [selector])}
                : document;
            const result = await axe.run(context, {resultTypes: ["violations"]});
            return result.violations;
        }""",
        list(exclude),
    )


def describe(found):
    """One line per violation, then one per element (at most five) with axe's reason."""
    lines = []
    for violation in found:
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']})")
        for node in violation["nodes"][:5]:
            reason = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"  {', '.join(map(str, node['target']))}: {reason}")
    return "\n".join(lines)


def assert_accessible(page, impacts=BLOCKING, exclude=()):
    """Fail when axe-core finds a violation of one of ``impacts`` on the page."""
    assert AXE.is_file(), f"{AXE} is missing: run `make install` (npm ci)"
    found = [violation for violation in violations(page, exclude) if violation["impact"] in impacts]
    assert not found, "accessibility violations:\n" + describe(found)
