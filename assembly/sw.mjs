// Write the service worker. Workbox precaches the site's shell (every page, the theme, search
// and the page scripts) with a content hash as each file's revision, so after one visit every
// page works offline, and a new deployment is installed alongside the old one until the user
// reloads. The Python runtime and its wheels are not precached: a first visit to read one
// page must not cost 20 MB. They are kept when a tool needs them (web/js/sw-runtime.js), from
// the list with each file's SHA-256 written here.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { generateSW } from "workbox-build";

const site = process.argv[2];
// The most the shell may store on a first visit (issue: reading costs a page), in bytes.
const SHELL_BUDGET = 5_000_000;
const RUNTIME_DIR = "pyodide";
const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["**/*"],
  // The hosts' configurations (assembly/hosts.py) are for the server, not the browser; the
  // runtime is kept by sw-runtime.js.
  globIgnores: ["sw.js", "sw.js.map", "**/*.map", "sitemap.xml", "sitemap.xml.gz", "_headers",
    ".htaccess", "staticwebapp.config.json", `${RUNTIME_DIR}/**`],
  swDest: `${site}/sw.js`,
  // A missing file in the shell is an error, not a skip.
  maximumFileSizeToCacheInBytes: SHELL_BUDGET,
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
if (size > SHELL_BUDGET) {
  console.error(`sw.mjs: the shell is ${size} bytes, over its budget of ${SHELL_BUDGET}`);
  process.exit(1);
}
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
// Every runtime file, by its path from the site's root: [SHA-256, size in bytes].
const runtime = {};
for (const name of readdirSync(`${site}/${RUNTIME_DIR}`).sort()) {
  const file = `${site}/${RUNTIME_DIR}/${name}`;
  if (!statSync(file).isFile()) continue;
  const bytes = readFileSync(file);
  runtime[`${RUNTIME_DIR}/${name}`] = [createHash("sha256").update(bytes).digest("hex"), bytes.length];
}
const filesMark = '"__CSPRCORE_RUNTIME_FILES__"';
const runtimePart = readFileSync(new URL("../web/js/sw-runtime.js", import.meta.url), "utf8");
if (!runtimePart.includes(filesMark)) {
  console.error("sw.mjs: sw-runtime.js has no place for the runtime's files");
  process.exit(1);
}
const parts = [
  readFileSync(`${site}/sw.js`, "utf8"),
  part.replace(placeholder, snapshot),
  runtimePart.replace(filesMark, JSON.stringify(runtime)),
];
writeFileSync(`${site}/sw.js`, parts.join("\n"));
const runtimeBytes = Object.values(runtime).reduce((sum, [, n]) => sum + n, 0);
console.log(`service worker: ${count} files, ${(size / 1e6).toFixed(1)} MB precached (the shell); ` +
  `${Object.keys(runtime).length} runtime files, ${(runtimeBytes / 1e6).toFixed(1)} MB, kept when a tool needs them`);
