// Write the service worker: Workbox precaches every file of the built site with a content
// hash as its revision, so after one visit every page and every tool works offline, and a
// new deployment is installed alongside the old one until the user reloads.
import { readFileSync, writeFileSync } from "node:fs";
import { generateSW } from "workbox-build";

const site = process.argv[2];
const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["**/*"],
  // The hosts' configurations (assembly/hosts.py) are for the server, not the browser.
  globIgnores: ["sw.js", "sw.js.map", "**/*.map", "sitemap.xml", "sitemap.xml.gz", "_headers",
    ".htaccess", "staticwebapp.config.json"],
  swDest: `${site}/sw.js`,
  // The Pyodide runtime's wasm is 9.6 MB: above Workbox's 2 MB default, which would skip it.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  directoryIndex: "index.html",
  // Tool pages take query strings (answers carried over): serve the cached page for them.
  ignoreURLParametersMatching: [/.*/],
  navigateFallback: null,
});
for (const warning of warnings) console.warn(warning);
if (warnings.length) process.exit(1);
// The service worker also drops a memory snapshot of the rule core made for another runtime
// (web/js/sw-snapshot.js). Written into sw.js itself, the runtime's build id makes sw.js
// change, and so the update flow run, whenever the runtime does.
const { snapshot } = JSON.parse(readFileSync(`${site}/pyodide/csprcore-runtime.json`, "utf8"));
const placeholder = "__CSPRCORE_SNAPSHOT_BUILD__";
const part = readFileSync(new URL("../web/js/sw-snapshot.js", import.meta.url), "utf8");
if (!snapshot || !part.includes(placeholder)) {
  console.error("sw.mjs: no snapshot build id to write into the service worker");
  process.exit(1);
}
writeFileSync(`${site}/sw.js`, `${readFileSync(`${site}/sw.js`, "utf8")}\n${part.replace(placeholder, snapshot)}`);
console.log(`service worker: ${count} files, ${(size / 1e6).toFixed(1)} MB precached`);
