// "Check your answers" (GOV.UK's pattern): each section the core summarises, as a heading
// and a summary list with a "Change" link to each field. The sections, labels and values are
// the core's (csprcore.forms.engine summary); nothing here decides what is shown.
import { words } from "./words.js";

/** An element with its class and text. */
function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * The summary's nodes; `onChange(href)` runs when a "Change" link is chosen.
 * @param {{title: string, text?: string,
 *   rows: {label: string, value: string, group?: string, href?: string}[]}[]} sections
 * @param {(href: string) => void} onChange
 * @returns {HTMLElement[]}
 */
export function summary(sections, onChange) {
  const nodes = [];
  for (const section of sections) {
    nodes.push(el("h3", "", section.title));
    if (section.text) nodes.push(el("p", "cs-summary-text", section.text));
    if (!section.rows.length) {
      if (!section.text) nodes.push(el("p", "", words("none_given")));
      continue;
    }
    const table = el("table", "cs-summary-list");
    table.append(el("caption", "cs-visually-hidden", section.title));
    let group = "";
    for (const row of section.rows) {
      if (row.group && row.group !== group) {
        group = row.group;
        const th = /** @type {HTMLTableCellElement} */ (el("th", "cs-summary-list__group", group));
        th.colSpan = 3;
        th.scope = "colgroup";
        const tr = el("tr");
        tr.append(th);
        table.append(tr);
      }
      const th = /** @type {HTMLTableCellElement} */ (el("th", "", row.label));
      th.scope = "row";
      const td = el("td", "cs-summary-list__value", row.value || words("not_given"));
      const action = el("td");
      if (row.href) {
        const link = /** @type {HTMLAnchorElement} */ (el("a", "", words("change_answer")));
        link.href = row.href;
        link.append(el("span", "cs-visually-hidden",
          ` ${row.label.toLowerCase()}${group ? ` (${group})` : ""}`));
        link.addEventListener("click", (event) => {
          event.preventDefault();
          onChange(row.href);
        });
        action.append(link);
      }
      const tr = el("tr");
      tr.append(th, td, action);
      table.append(tr);
    }
    nodes.push(table);
  }
  return nodes;
}
