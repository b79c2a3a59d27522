"""The keys of ``partnership.yml``, each with what it holds, and the values some keys allow:
the procedure's topics, the events and roles of the Rapid Review's steps, the documents, the
editions and updates of national guidance."""

from __future__ import annotations

from typing import Final

#: The procedure's topics that the rules cite. Each partnership maps each one to a page of its
#: own procedure (``procedure`` in the profile), so a rule's citation always links to the
#: partnership's own words.
CITES: Final = (
    "section-1", "section-2", "section-3", "section-4", "section-5", "section-6",
    "section-7", "section-8", "section-9", "section-10", "section-11", "section-12",
    "section-13", "appendix-1",
)  # fmt: skip

#: The events a Rapid Review step may count from (``from``), besides an earlier step's id:
#: the notification to the Panel (the Panel's guidance counts from it), the referral to the
#: safeguarding partners (North East Lincolnshire's Appendix 1 counts from it), and the
#: Rapid Review meeting (the step whose role is ``meeting``).
STEP_FROM: Final = ("notification", "referral", "meeting")
#: What a step is in the national process, where the tools need to know: the scoping
#: templates sent and returned, the meeting, the partners' sign-off, the Rapid Review sent
#: to the Panel. Each at most once; ``meeting`` and ``sent_to_panel`` exactly once.
STEP_ROLES: Final = ("scoping_sent", "scoping_returned", "meeting", "sign_off", "sent_to_panel")
#: The documents a partnership names in its own words.
DOCUMENTS: Final = ("referral", "scoping_return", "rapid_review")
#: The editions of Working Together a procedure may follow.
WORKING_TOGETHER: Final = (2018, 2023)
#: The updates of the site's "Updates in national guidance" page that a procedure may already
#: reflect (``national_guidance.reflects``).
GUIDANCE_UPDATES: Final = (
    "review_criteria", "supervising_a_review", "working_together_2023",
    "one_notification_per_incident", "who_notifies", "rapid_review_from_notification",
    "rapid_review_content", "local_review_circumstances", "care_leavers",
)  # fmt: skip
#: Keys of the first form of the profile, each with the key that replaced it.
OLD_KEYS: Final = {
    "local_authority": "local_authorities (a list of one or more councils)",
    "timescales": "rapid_review_steps (each step with id, name, from and working_days)",
    "timescale_notes": "note, on the step in rapid_review_steps",
    "referral_form_title": "documents.referral",
}


#: Every key of ``partnership.yml``: (required, what it holds). The build checks a profile
#: against this, and the "Set up the site for your partnership" page lists it.
SCHEMA: Final[dict[str, tuple[bool, str]]] = {
    "name": (True, "The partnership's full name."),
    "short_name": (
        True,
        "Its abbreviation, as the site uses it in running text (for example, ESCP).",
    ),
    "area": (
        True,
        "The local authority's area, as in \u201cIs the child normally resident in {area}?\u201d",
    ),
    "local_authorities": (
        True,
        "The council or councils whose area the partnership covers (one or more): each "
        "notifies the Panel of incidents in its area.",
    ),
    "reference_prefix": (
        False,
        "The start of the partnership's case references in the examples (ESCP-2026-014); "
        "defaults to the short name.",
    ),
    "support_office_email": (
        True,
        "The secure email address that completed referrals go to (the business unit).",
    ),
    "business_unit": (
        True,
        "Who receives referrals and runs each review for the partnership (for example, the "
        "partnership's business unit).",
    ),
    "documents": (
        True,
        "What the partnership calls its documents: referral (the referral form), "
        "scoping_return (an agency's return) and rapid_review (the Rapid Review).",
    ),
    "referral_route": (
        True,
        "How a practitioner refers a case, in plain text (the criteria checker shows it).",
    ),
    "site_description": (False, "One sentence describing the site, for search engines."),
    "groups": (
        True,
        "The partnership's groups, each with name and abbreviation, keyed by a slug: review "
        "(arranges Rapid Reviews and monitors action plans) and board (signs action plans "
        "off) are required; assurance (oversees the impact of action plans) and any others "
        "are optional.",
    ),
    "local_learning": (
        True,
        "The name of the local learning review for cases that do not meet the criteria "
        "(a Line of Sight Learning Event).",
    ),
    "rapid_review_steps": (
        True,
        "The Rapid Review's steps, in order: each with id (a slug), name, from (notification, "
        "referral, meeting or an earlier step's id) and working_days (0 to 60) or window "
        "([earliest, latest]); optionally role (" + ", ".join(STEP_ROLES) + "; one step "
        "each, meeting and sent_to_panel required), by (a group), quote (the procedure's own "
        "words) and note (how the site reads words that are ambiguous).",
    ),
    "safeguarding_partners": (
        False,
        "The safeguarding partners the letters name, each with organisation and, optionally, "
        "lead_role (the lead safeguarding partner's role, Working Together 2023); without it "
        "the letters come from \u201cthe safeguarding partners for {area}\u201d.",
    ),
    "letterhead": (
        False,
        "What the letters carry under the partnership's name: address (a list of lines), "
        "email and phone, each optional.",
    ),
    "national_guidance": (
        False,
        "What the procedure already follows: working_together (2018 or 2023) and reflects "
        "(ids of the updates on the national guidance page it already includes).",
    ),
    "procedure": (
        True,
        "The procedure's pages, in order: each with title and file (in procedure/), and the "
        "topics it covers (cites) from: " + ", ".join(CITES) + ". Every topic must be covered.",
    ),
    "abbreviations": (False, "Local abbreviations shown as tooltips on every page."),
    "last_reviewed": (False, "The date the partnership last reviewed its procedure."),
}
