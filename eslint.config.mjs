// ESLint for the browser code (web/js) and the build's Node scripts (assembly/*.mjs): run by
// `make lint`, so by `make test`. The recommended rules, plus the few that catch what review
// found in this code: a variable never reassigned declared with let, == instead of ===.
import js from "@eslint/js";
import globals from "globals";

const rules = {
  ...js.configs.recommended.rules,
  "prefer-const": "error",
  eqeqeq: ["error", "always", { null: "ignore" }],
  "no-var": "error",
  "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
};

export default [
  {
    files: ["web/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules,
  },
  {
    files: ["web/js/worker.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    // Appended to Workbox's service worker as plain script, not modules.
    files: ["web/js/sw-*.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["web/js/storage-guard.js", "web/js/core-start.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["assembly/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    rules,
  },
];
