// On every page: drafts past their time removed, the service worker that keeps the site's
// pages for offline use (and the tools' runtime, once a tool has run or the user asks), and
// the "A new version is available" prompt when a new deployment has been installed.
import { expireDrafts } from "./drafts.js";
import { Workbox } from "./workbox-window.prod.mjs";
import { words } from "./words.js";

// The privacy page's promise holds even for a form nobody reopens: any page removes every
// form's drafts older than the core's limit (and any it cannot read).
const draftDays = Number(/** @type {HTMLMetaElement | null} */ (
  document.querySelector('meta[name="csprcore-draft-days"]'))?.content);
if (draftDays > 0) expireDrafts(draftDays);

const root = new URL("../../", import.meta.url);

function showUpdatePrompt(wb) {
  if (document.getElementById("csprcore-update")) return;
  const banner = document.createElement("div");
  banner.id = "csprcore-update";
  banner.className = "csprcore-update";
  banner.setAttribute("role", "status");
  const message = document.createElement("p");
  message.textContent = words("update_available");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = words("update_reload");
  button.addEventListener("click", () => {
    button.disabled = true;
    // The new version takes over only when asked, so old and new files never mix.
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  });
  banner.append(message, button);
  document.body.append(banner);
}

// --- the tools offline (web/js/sw-runtime.js keeps the runtime; pages/offline.py) ---------

const offline = document.querySelector("[data-offline]");
// The browser's data-saver setting: nothing beyond what is needed is fetched on its own,
// unless the user has asked for the tools offline on this device (then a new deployment's
// runtime follows, as it would without the setting).
const saveData = Boolean(/** @type {{connection?: {saveData?: boolean}}} */ (navigator).connection?.saveData);
const OPTED_IN = "csprcore-offline-tools";
function optedIn() {
  try {
    return localStorage.getItem(OPTED_IN) === "yes";
  } catch {
    return false; // storage blocked: nothing remembered
  }
}
function optIn() {
  try {
    localStorage.setItem(OPTED_IN, "yes");
  } catch {
    // Storage blocked or full: the choice holds for this visit only.
  }
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function showOffline(message) {
  if (!offline) return;
  const { state, done, total, bytes, totalBytes } = message;
  const words = offline.dataset[`text${state[0].toUpperCase()}${state.slice(1)}`];
  const mb = (n) => (n / 1e6).toFixed(1);
  const status = offline.querySelector("[data-offline-status]");
  let text = fill(words ?? "", { done, total, mb: mb(bytes), total_mb: mb(totalBytes) });
  if (saveData && (state === "none" || state === "partial")) {
    text += ` ${offline.dataset.textSaveData}`;
  }
  // A polite status is read out when it changes: once a state (the working words carry no
  // running count), while the bar shows the progress.
  if (status.textContent !== text) status.textContent = text;
  const bar = /** @type {HTMLProgressElement} */ (offline.querySelector("[data-offline-progress]"));
  bar.hidden = state !== "working";
  bar.value = totalBytes ? Math.round((100 * bytes) / totalBytes) : 0;
  const button = offline.querySelector("[data-offline-button]");
  const hide = state === "done" || state === "unavailable";
  if (hide && document.activeElement === button) {
    // The button goes: the keyboard user is left on what it says instead.
    status.tabIndex = -1;
    status.focus();
  }
  button.hidden = hide;
  button.setAttribute("aria-disabled", String(state === "working"));
  offline.dataset.offlineState = state;
}

function askRuntime(registration, action) {
  const worker = registration.active ?? registration.waiting ?? registration.installing;
  worker?.postMessage({ type: "csprcore-runtime", action });
}

function offerOffline(registration, action) {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type !== "csprcore-runtime") return;
    showOffline(data);
    // The service worker keeps one file at a time: the next is asked for while it says so.
    if (data.more) askRuntime(registration, "cache");
  });
  if (offline) {
    offline.hidden = false;
    const button = offline.querySelector("[data-offline-button]");
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-disabled") === "true") return;
      optIn();
      askRuntime(registration, "cache");
    });
  }
  askRuntime(registration, action);
}

function register() {
  if (!("serviceWorker" in navigator)) return;
  const wb = new Workbox(new URL("sw.js", root).href, { scope: root.pathname });
  wb.addEventListener("waiting", () => showUpdatePrompt(wb));
  wb.register()
    .then(async (registration) => {
      if (!registration) return;
      // A page opened long ago still learns of a new deployment.
      setInterval(() => registration.update(), 60 * 60 * 1000);
      await navigator.serviceWorker.ready;
      // A tool page whose core is ready keeps the runtime for every tool, unless the browser
      // asks to save data; any other page brings a kept runtime up to this deployment.
      const ready = tool?.dataset.coreState === "ready";
      const action = saveData && !optedIn() ? "status" : ready ? "cache" : "refresh";
      offerOffline(registration, action);
    })
    .catch((error) => console.warn("Offline use is not available:", error));
}

// Installing the service worker downloads the site's shell. On a tool page, wait until the
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
