"""The procedure's sections, as the stable anchors the site publishes.

Rules cite these ids; the site serves each at ``procedure/<id>/`` with an element whose id is
the same anchor, so ``procedure/section-3/#section-3`` always resolves.
"""

from typing import Final, Literal

Cite = Literal[
    "section-1",
    "section-2",
    "section-3",
    "section-4",
    "section-5",
    "section-6",
    "section-7",
    "section-8",
    "section-9",
    "section-10",
    "section-11",
    "section-12",
    "section-13",
    "appendix-1",
]

SECTION_TITLES: Final[dict[str, str]] = {
    "section-1": "1. Purpose of child safeguarding practice reviews",
    "section-2": "2. Responsibilities for reviews",
    "section-3": (
        "3. Duty of local authorities to notify incidents to the Child Safeguarding "
        "Practice Review Panel"
    ),
    "section-4": "4. Decision on local and national reviews",
    "section-5": "5. Rapid Review of serious child safeguarding cases",
    "section-6": "6. Guidance for the National Child Safeguarding Practice Review Panel",
    "section-7": "7. Multi-agency local learning",
    "section-8": "8. Interface with other reviewing processes",
    "section-9": (
        "9. Commissioning a reviewer or reviewers for a local child safeguarding practice review"
    ),
    "section-10": "10. Local child safeguarding practice reviews",
    "section-11": "11. Expectations for the final report",
    "section-12": "12. Actions in response to local and national reviews",
    "section-13": (
        "13. Guidance for the Child Safeguarding Practice Review Panel \N{EN DASH} reviewer"
    ),
    "appendix-1": "Appendix 1 \N{EN DASH} Rapid Review process",
}


def cite_path(cite: str) -> str:
    """Site-relative path of a citation, e.g. ``procedure/section-3/#section-3``."""
    if cite not in SECTION_TITLES:
        raise KeyError(f"unknown citation: {cite}")
    return f"procedure/{cite}/#{cite}"


def short_title(cite: str) -> str:
    """ "Section 3" or "Appendix 1", for use in sentences."""
    kind, _, number = cite.partition("-")
    return f"{kind.capitalize()} {number}"
