// Page glue for this tool: starts the rule core. The tool's form comes with its own issue.
import { startCore } from "./core.js";

const root = document.getElementById("csprcore-tool");
if (root) startCore(root);
