// GOV.UK Frontend's component shape for the tools: each tool is a class over its root
// element, which pages/tool.py renders as `[data-module="csprcore-<tool>"]`, started once per
// root by `createAll`. A root that lacks what its tool needs (a build's mistake) is named in
// the console and left as built, never half-started.

/** A component's root is missing, or lacks what the tool needs. */
export class ComponentError extends Error {}

export class Component {
  /** The `data-module` value of the tool's root. @type {string} */
  static moduleName = "";

  /** @param {Element} root */
  constructor(root) {
    const name = /** @type {typeof Component} */ (this.constructor).moduleName;
    if (!(root instanceof HTMLElement)) throw new ComponentError(`${name}: no root element`);
    // Started twice, two workers and two sets of listeners would answer one form.
    if (root.dataset.moduleStarted === name) {
      throw new ComponentError(`${name}: already started on this element`);
    }
    root.dataset.moduleStarted = name;
    /** @type {HTMLElement} */
    this.root = root;
  }

  /**
   * An element the tool needs, inside its root (or the page, for what the build places
   * beside it); missing, the tool is not started.
   * @param {string} selector
   * @param {ParentNode} [scope]
   */
  need(selector, scope = this.root) {
    const found = scope.querySelector(selector);
    if (!found) {
      const name = /** @type {typeof Component} */ (this.constructor).moduleName;
      throw new ComponentError(`${name}: no ${selector}`);
    }
    return found;
  }
}

/**
 * Start `ComponentClass` on every root of its module in the page.
 * @template {Component} T
 * @param {{new (root: Element): T, moduleName: string}} ComponentClass
 * @returns {T[]}
 */
export function createAll(ComponentClass) {
  const roots = document.querySelectorAll(`[data-module="${ComponentClass.moduleName}"]`);
  return [...roots].flatMap((root) => {
    try {
      return [new ComponentClass(root)];
    } catch (error) {
      console.error(error);
      return [];
    }
  });
}
