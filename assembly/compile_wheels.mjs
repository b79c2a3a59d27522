// Precompile wheels for Pyodide's own Python (3.14): each .py becomes a sourceless .pyc, so
// the browser imports without compiling (measured here: `import pydantic` 564 -> 255 ms).
// `pyodide py-compile` needs a 3.14 host, so the compiling happens inside Pyodide, in Node.
// Usage: node compile_wheels.mjs PYODIDE_DIR WHEEL...   (rewrites each wheel in place)
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, ...wheels] = process.argv.slice(2);
const dir = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(dir + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: dir, stdout: () => {}, stderr: console.error });

pyodide.runPython(`
import base64, hashlib, zipfile
from importlib._bootstrap_external import _code_to_timestamp_pyc

def _digest(data):
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

def compile_wheel(src, dst):
    compiled = kept = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        record = next(n for n in zin.namelist() if n.endswith(".dist-info/RECORD"))
        rows = []
        for info in zin.infolist():
            if info.filename == record or info.is_dir():
                continue
            name, data = info.filename, zin.read(info)
            if name.endswith(".py") and ".dist-info/" not in name:
                try:
                    code = compile(data, "/lib/python3.14/site-packages/" + name, "exec",
                                   dont_inherit=True)
                    # Sourceless: nothing to compare the timestamp with.
                    data, name = bytes(_code_to_timestamp_pyc(code, 0, 0)), name[:-3] + ".pyc"
                    compiled += 1
                except SyntaxError:
                    kept += 1
            zout.writestr(name, data)
            rows.append(f"{name},sha256={_digest(data)},{len(data)}")
        rows.append(f"{record},,")
        zout.writestr(record, "\\n".join(rows) + "\\n")
    return compiled, kept
`);
const compileWheel = pyodide.globals.get("compile_wheel");
for (const wheel of wheels) {
  pyodide.FS.writeFile("/tmp/in.whl", readFileSync(wheel));
  const [compiled, kept] = compileWheel("/tmp/in.whl", "/tmp/out.whl").toJs();
  writeFileSync(wheel, pyodide.FS.readFile("/tmp/out.whl"));
  console.log(`${basename(wheel)}: ${compiled} modules compiled, ${kept} kept as source`);
}
