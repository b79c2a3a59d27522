// Run csprcore.api calls inside real Pyodide (Node), against the wheels the site serves.
// Usage: node run_core.mjs SITE_DIR CASES.json  -> prints [{"fn", "result"}...] as JSON.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, casesFile] = process.argv.slice(2);
const pyodideDir = resolve(siteDir, "pyodide") + "/";
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "pyodide.mjs").href);

const pyodide = await loadPyodide({ indexURL: pyodideDir, stdout: () => {}, stderr: () => {} });
const lock = JSON.parse(readFileSync(pyodideDir + "pyodide-lock.json", "utf8"));
// Every wheel the lockfile lists: the sha256 of each is checked as it loads.
await pyodide.loadPackage(Object.keys(lock.packages), { messageCallback: () => {} });
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
        " 'modules': sorted(sys.modules)})",
    ),
  ),
});
process.stdout.write(JSON.stringify(out));
