"""GOV.UK Design System patterns as small HTML builders, for the tool pages.

Every string that reaches the page goes through ``escape``; the page glue fills in values
with ``textContent`` and ``value`` only. Ids follow one rule (``forms.ids``): a field named
``child.date_of_birth`` has inputs ``child-date_of_birth-day`` and so on, its error message is
``...-error`` and its hint ``...-hint``, so the core's error links always find their field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from csprcore.views import deadlines as deadlines_view
from csprcore.views import timeline

Options = Sequence[tuple[str, str]] | Sequence[tuple[str, str, str]]


def field_id(name: str) -> str:
    return name.replace(".", "-")


def attrs(values: Mapping[str, str | bool | None]) -> str:
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        out.append(escape(key) if value is True else f'{escape(key)}="{escape(str(value))}"')
    return (" " + " ".join(out)) if out else ""


def show_if_attr(
    show_if: Mapping[str, Iterable[str]] | None, prefix: str = ""
) -> dict[str, str | None]:
    """``data-show-if``: shown while any named field has one of the values (JSON); the names
    are siblings' when ``prefix`` (the section or row path) is given."""
    if not show_if:
        return {}
    return {
        "data-show-if-prefix": prefix or None,
        "data-show-if": json.dumps({k: list(v) for k, v in show_if.items()}),
    }


def _hint(fid: str, hint: str) -> str:
    return f'<div class="cs-hint" id="{fid}-hint">{escape(hint)}</div>' if hint else ""


def _error(fid: str) -> str:
    return f'<p class="cs-error-message" id="{fid}-error" data-error-for="{fid}" hidden></p>'


def _described(fid: str, hint: str) -> str:
    return f"{fid}-hint" if hint else ""


def group(fid: str, inner: str, extra: Mapping[str, str | None] | None = None) -> str:
    return f'<div class="cs-form-group"{attrs({"data-field": fid, **(extra or {})})}>{inner}</div>'


def text_input(
    name: str, label: str, hint: str = "", kind: str = "text", width: str = "long",
    autocomplete: str = "", show_if: Mapping[str, Iterable[str]] | None = None,
    show_if_prefix: str = "", after: str = "", required: bool = False, inputmode: str = "",
) -> str:  # fmt: skip
    fid = field_id(name)
    described = _described(fid, hint)
    html_type = {"email": "email", "tel": "tel", "number": "text"}.get(kind, "text")
    input_attrs = attrs({
        "class": f"cs-input cs-input--{width}", "id": fid, "name": name, "type": html_type,
        "autocomplete": autocomplete or "off", "aria-describedby": described or None,
        "spellcheck": "false" if kind in ("email", "tel") else None,
        "inputmode": inputmode or None,
    })  # fmt: skip
    inner = (
        f'<label class="cs-label" for="{fid}">{escape(label)}{_optional(required)}</label>'
        f"{_hint(fid, hint)}{_error(fid)}<input{input_attrs}>"
    )
    return group(fid, inner + after, show_if_attr(show_if, show_if_prefix))


def textarea(
    name: str, label: str, hint: str = "", max_length: int | None = None,
    show_if: Mapping[str, Iterable[str]] | None = None, show_if_prefix: str = "",
    after: str = "", required: bool = False, rows: int = 5,
) -> str:  # fmt: skip
    fid = field_id(name)
    count = (
        f'<div class="cs-hint cs-character-count" id="{fid}-count" aria-live="polite" '
        f'data-count-for="{fid}">You can enter up to {max_length:,} characters</div>'
        if max_length
        else ""
    )
    described = " ".join(x for x in (_described(fid, hint), f"{fid}-count" if count else "") if x)
    area_attrs = attrs({
        "class": "cs-textarea", "id": fid, "name": name, "rows": str(rows),
        "aria-describedby": described or None,
        "data-maxlength": str(max_length) if max_length else None,
    })  # fmt: skip
    inner = (
        f'<label class="cs-label" for="{fid}">{escape(label)}{_optional(required)}</label>'
        f"{_hint(fid, hint)}{_error(fid)}<textarea{area_attrs}></textarea>{count}"
    )
    return group(fid, inner + after, show_if_attr(show_if, show_if_prefix))


def date_input(
    name: str, legend: str, hint: str = "", show_if: Mapping[str, Iterable[str]] | None = None,
    show_if_prefix: str = "", after: str = "", required: bool = False,
) -> str:  # fmt: skip
    fid = field_id(name)
    hint_text = hint or "For example, 27 3 2026"
    parts = []
    for part, label, width, autocomplete in (
        ("day", "Day", 2, ""), ("month", "Month", 2, ""), ("year", "Year", 4, ""),
    ):  # fmt: skip
        pid = f"{fid}-{part}"
        part_attrs = attrs({
            "class": f"cs-input cs-input--w{width}", "id": pid, "name": f"{name}-{part}",
            "type": "text", "inputmode": "numeric", "autocomplete": autocomplete or "off",
        })  # fmt: skip
        parts.append(
            f'<div class="cs-date-input__item"><label class="cs-label cs-date-input__label" '
            f'for="{pid}">{label}</label><input{part_attrs}></div>'
        )
    inner = (
        f'<fieldset class="cs-fieldset" role="group" aria-describedby="{fid}-hint">'
        f'<legend class="cs-fieldset__legend">{escape(legend)}{_optional(required)}</legend>'
        f"{_hint(fid, hint_text)}{_error(fid)}"
        f'<div class="cs-date-input" id="{fid}">{"".join(parts)}</div></fieldset>'
    )
    return group(fid, inner + after, show_if_attr(show_if, show_if_prefix))


def choices(
    name: str, legend: str, options: Options, hint: str = "", multiple: bool = False,
    show_if: Mapping[str, Iterable[str]] | None = None, show_if_prefix: str = "",
    after: str = "", required: bool = False,
    legend_class: str = "", inline: bool = False, extra: Mapping[str, str | None] | None = None,
) -> str:  # fmt: skip
    """Radios (one answer) or checkboxes (several), in a fieldset with a legend."""
    fid = field_id(name)
    kind = "checkbox" if multiple else "radio"
    items = []
    for i, option in enumerate(options):
        value, label = option[0], option[1]
        option_hint = option[2] if len(option) > 2 else ""  # type: ignore[misc]
        oid = fid if i == 0 else f"{fid}-{i + 1}"
        hint_html = (
            f'<div class="cs-hint cs-choice__hint" id="{oid}-item-hint">{escape(option_hint)}</div>'
            if option_hint
            else ""
        )
        input_attrs = attrs({
            "class": "cs-choice__input", "id": oid, "name": name, "type": kind, "value": value,
            "aria-describedby": f"{oid}-item-hint" if option_hint else None,
        })  # fmt: skip
        items.append(
            f'<div class="cs-choice"><input{input_attrs}>'
            f'<label class="cs-label cs-choice__label" for="{oid}">{escape(label)}</label>'
            f"{hint_html}</div>"
        )
    described = _described(fid, hint)
    fieldset_attrs = attrs({"class": "cs-fieldset", "aria-describedby": described or None})
    inner = (
        f"<fieldset{fieldset_attrs}>"
        f'<legend class="cs-fieldset__legend {escape(legend_class)}">{escape(legend)}'
        f"{_optional(required)}</legend>"
        f"{_hint(fid, hint)}{_error(fid)}"
        f'<div class="cs-choices{" cs-choices--inline" if inline else ""}" '
        f'data-choices="{kind}">{"".join(items)}</div></fieldset>'
    )
    return group(fid, inner + after, {**show_if_attr(show_if, show_if_prefix), **(extra or {})})


def _optional(required: bool) -> str:
    return "" if required else ' <span class="cs-optional">(optional)</span>'


def error_summary(summary_id: str = "error-summary") -> str:
    """Empty and hidden until the core reports errors; then it takes focus (GOV.UK)."""
    return (
        f'<div class="cs-error-summary" id="{summary_id}" data-error-summary tabindex="-1" '
        f'aria-labelledby="{summary_id}-title" role="region" hidden>'
        f'<h2 class="cs-error-summary__title" id="{summary_id}-title">There is a problem</h2>'
        '<ul class="cs-error-summary__list"></ul></div>'
    )


def button(text: str, kind: str = "primary", **extra: str) -> str:
    cls = {
        "primary": "md-button md-button--primary",
        "warning": "md-button cs-button--warning",
    }.get(kind, "md-button")
    button_attrs = attrs({"type": "button", "class": cls, **extra})
    return f"<button{button_attrs}>{escape(text)}</button>"


#: Named examples of each component, as GOV.UK Frontend keeps them: each is rendered and
#: checked by ``tests/unit/publishing/test_components.py`` (well-formed, ids unique, every
#: label, hint and error reference found, what was given escaped), and shows how the
#: component is used.
EXAMPLES: dict[str, dict[str, dict[str, object]]] = {
    "text_input": {
        "default": {"name": "child.last_name", "label": "Last name"},
        "with hint, email, required": {
            "name": "referrer.email", "label": "Email address", "hint": "Secure email only",
            "kind": "email", "required": True,
        },
        "shown if a sibling has a value": {
            "name": "incident.place", "label": "Where", "show_if": {"location": ["elsewhere"]},
            "show_if_prefix": "incident.",
        },
        "markup in the label stays text": {"name": "x.y", "label": "<b>bold</b> & more"},
    },
    "textarea": {
        "default": {"name": "incident.what_happened", "label": "What happened"},
        "with a character count": {
            "name": "rationale.learning", "label": "Learning", "hint": "Briefly",
            "max_length": 500,
        },
    },
    "date_input": {
        "default": {"name": "child.date_of_birth", "legend": "Date of birth"},
        "required, with hint": {
            "name": "incident.date", "legend": "Date of the incident",
            "hint": "For example, 1 2 2026",
            "required": True,
        },
    },
    "choices": {
        "radios": {
            "name": "incident.harm", "legend": "What happened to the child?",
            "options": [("died", "The child has died"), ("seriously_harmed", "Seriously harmed")],
        },
        "checkboxes with option hints": {
            "name": "incident.abuse_types", "legend": "Which kinds of abuse?", "multiple": True,
            "options": [("physical", "Physical", "Hitting, shaking"), ("neglect", "Neglect", "")],
        },
        "with content after the options": {
            "name": "q", "legend": "A question", "options": [("yes", "Yes"), ("no", "No")],
            "after": '<p class="cs-checker__cite">From section 6</p>',
        },
    },
    "error_summary": {"default": {}},
    "button": {
        "primary": {"text": "Check your answers"},
        "warning": {"text": "Yes, delete the draft", "kind": "warning"},
    },
}  # fmt: skip


def timeline_legend() -> str:
    """The key to the calculator's picture (the deadline calculator's and a register case's)."""
    items = "".join(
        f'<li class="cs-timeline__key-item">{swatch.to_svg()}<span>{escape(words)}</span></li>'
        for swatch, words in timeline.legend(deadlines_view.STATUS_TEXT)
    )
    return f'<ul class="cs-timeline__key">{items}</ul>'
