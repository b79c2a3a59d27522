// The sentences the pages' scripts say themselves, from the rule core's views
// (csprcore.views.page_words), which the build writes into every page as one JSON block.
//   words("file_opened", { name: "referral.json" })   // "Opened referral.json."
const block = typeof document === "undefined" ? null : document.getElementById("csprcore-words");
/** @type {Record<string, string>} */
const WORDS = block ? JSON.parse(block.textContent) : {};

/**
 * The sentence `key` with its {placeholders} filled in from `values`.
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function words(key, values = {}) {
  const template = WORDS[key];
  if (template === undefined) throw new Error(`No words for "${key}" on this page`);
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    (name in values ? String(values[name]) : whole));
}
