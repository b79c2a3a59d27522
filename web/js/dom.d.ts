// Types for `tsc --checkJs` (make lint); never shipped: the build copies only web/js/*.js.
//
// Every element these scripts look up by selector is an HTML element of a page the build
// made (the timeline pictures are inserted whole, never queried), so a lookup by selector
// is typed as one: without this each of some 80 lookups would need a cast that says nothing.
interface ParentNode {
  // A tag name still gives its own element type ("input": HTMLInputElement).
  querySelector<K extends keyof HTMLElementTagNameMap>(selectors: K): HTMLElementTagNameMap[K] | null;
  querySelectorAll<K extends keyof HTMLElementTagNameMap>(selectors: K): NodeListOf<HTMLElementTagNameMap[K]>;
  querySelector<E extends Element = HTMLElement>(selectors: string): E | null;
  querySelectorAll<E extends Element = HTMLElement>(selectors: string): NodeListOf<E>;
}
interface Element {
  closest<K extends keyof HTMLElementTagNameMap>(selectors: K): HTMLElementTagNameMap[K] | null;
  closest<E extends Element = HTMLElement>(selectors: string): E | null;
}

// The File System Access API (Chromium): open and save the register's file in place. The
// pages test for it before use; TypeScript's DOM library does not declare it yet.
interface FilePickerOptions {
  types?: { description?: string; accept: Record<string, string[]> }[];
  suggestedName?: string;
  excludeAcceptAllOption?: boolean;
}
interface Window {
  showOpenFilePicker?(options?: FilePickerOptions): Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?(options?: FilePickerOptions): Promise<FileSystemFileHandle>;
}

// The rule core's worker, started by core-start.js while the page is still being parsed;
// core.js takes it, with what it said meanwhile.
interface Window {
  csprcoreWorker?: { url: string; take(): { worker: Worker; events: Event[] } };
}

// The build copies Workbox's window module beside the page scripts (assembly/build.py).
declare module "*/workbox-window.prod.mjs" {
  export { Workbox } from "workbox-window";
}
