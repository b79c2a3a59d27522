// On every page: drafts past their time removed, the service worker that keeps the whole
// site for offline use, and the "A new version is available" prompt when a new deployment
// has been installed.
import { expireDrafts } from "./drafts.js";
import { Workbox } from "./workbox-window.prod.mjs";

// The privacy page's promise holds even for a form nobody reopens: any page removes every
// form's drafts older than the core's limit (and any it cannot read).
const draftDays = Number(document.querySelector('meta[name="csprcore-draft-days"]')?.content);
if (draftDays > 0) expireDrafts(draftDays);

const root = new URL("../../", import.meta.url);

function showUpdatePrompt(wb) {
  if (document.getElementById("csprcore-update")) return;
  const banner = document.createElement("div");
  banner.id = "csprcore-update";
  banner.className = "csprcore-update";
  banner.setAttribute("role", "status");
  const message = document.createElement("p");
  message.textContent = "A new version is available.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = "Reload to update";
  button.addEventListener("click", () => {
    button.disabled = true;
    // The new version takes over only when asked, so old and new files never mix.
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  });
  banner.append(message, button);
  document.body.append(banner);
}

function register() {
  if (!("serviceWorker" in navigator)) return;
  const wb = new Workbox(new URL("sw.js", root).href, { scope: root.pathname });
  wb.addEventListener("waiting", () => showUpdatePrompt(wb));
  wb.register()
    .then((registration) => {
      // A page opened long ago still learns of a new deployment.
      if (registration) setInterval(() => registration.update(), 60 * 60 * 1000);
    })
    .catch((error) => console.warn("Offline use is not available:", error));
}

// Installing the service worker downloads the whole site. On a tool page, wait until the
// rule core is ready (or has failed) so the two downloads do not compete.
const tool = document.getElementById("csprcore-tool");
if (!tool || tool.dataset.coreState !== "loading") {
  window.addEventListener("load", register, { once: true });
} else {
  const onState = (event) => {
    if (event.detail.state === "loading") return;
    document.removeEventListener("csprcore:state", onState);
    register();
  };
  document.addEventListener("csprcore:state", onState);
}
