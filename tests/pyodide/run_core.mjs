// Run csprcore.api calls inside real Pyodide (Node), against the wheels the site serves.
// Usage: node run_core.mjs SITE_DIR CASES.json [MODE]  -> prints [{"fn", "result"}...] as JSON.
// MODE is how the runtime starts, as the browser's worker (web/js/worker.js) may start it:
//   packages  loadPackage for every wheel (the plain way);
//   fallback  the worker's boot when no snapshot can be used: _makeSnapshot, the start wheels
//             placed as zips on sys.path (imported from, as the worker does), the rules warmed
//             up and a snapshot taken, then the rest loaded;
//   snapshot  a fresh runtime restored from that snapshot, the start wheels placed again,
//             then the rest loaded.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, casesFile, mode = "packages"] = process.argv.slice(2);
const pyodideDir = resolve(siteDir, "pyodide") + "/";
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "pyodide.mjs").href);
const lock = JSON.parse(readFileSync(pyodideDir + "pyodide-lock.json", "utf8"));
const manifest = JSON.parse(readFileSync(pyodideDir + "csprcore-runtime.json", "utf8"));
const quiet = { stdout: () => {}, stderr: () => {} };
const options = { indexURL: pyodideDir, lockFileContents: lock, packageBaseUrl: pyodideDir };

// As web/js/worker.js places them (placeWheels): each start wheel written whole to one
// folder, imported from by zipimport. A Node Buffer is copied into a Uint8Array of its own.
const WHEELS = "/lib/csprcore-start";
const startWheels = manifest.start.map((name) => ({
  path: `${WHEELS}/${lock.packages[name].file_name}`,
  bytes: new Uint8Array(readFileSync(pyodideDir + lock.packages[name].file_name)),
}));
const place = (py) => {
  py.FS.mkdirTree(WHEELS);
  startWheels.forEach(({ path, bytes }) => py.FS.writeFile(path, bytes));
};
const rest = Object.keys(lock.packages).filter((name) => !manifest.start.includes(name));

let pyodide;
if (mode === "packages") {
  pyodide = await loadPyodide({ ...options, ...quiet });
  // Every wheel the lockfile lists: the sha256 of each is checked as it loads.
  await pyodide.loadPackage(Object.keys(lock.packages), { messageCallback: () => {} });
} else {
  const made = await loadPyodide({ ...options, _makeSnapshot: true });
  place(made);
  made.runPython(`import sys\nsys.path[0:0] = ${JSON.stringify(startWheels.map((w) => w.path))}`);
  made.runPython(manifest.warmups.start);
  const snapshot = made.makeMemorySnapshot();
  if (mode === "fallback") {
    pyodide = made;
    pyodide.setStdout({ batched: () => {} });
    pyodide.setStderr({ batched: () => {} });
  } else if (mode === "snapshot") {
    pyodide = await loadPyodide({ ...options, ...quiet, _loadSnapshot: snapshot });
    place(pyodide);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await pyodide.loadPackage(rest, { messageCallback: () => {} });
}
const call = pyodide.pyimport("csprcore.api").call;

const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const out = [];
for (const c of cases) {
  out.push({ fn: c.fn, result: JSON.parse(call(c.fn, JSON.stringify(c.payload))) });
}
out.push({
  fn: "__runtime__",
  result: JSON.parse(
    pyodide.runPython(
      "import json, sys, pydantic, fpdf; json.dumps({'python': sys.version.split()[0]," +
        " 'platform': sys.platform, 'pydantic': pydantic.VERSION, 'fpdf2': fpdf.__version__," +
        " 'modules': sorted(sys.modules), 'csprcore_file': sys.modules['csprcore'].__file__})",
    ),
  ),
});
out.push({ fn: "__mode__", result: { mode } });
process.stdout.write(JSON.stringify(out));
