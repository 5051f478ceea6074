// The one DOM helper both panels use: builds elements from data with textContent and attributes
// only, so no string ever becomes markup. Loaded before the panel's own script (same nonce).
(function () {
  'use strict';
  /**
   * el('a', { class: 'x', text: 'label', onclick: fn }, [children]): `text` sets textContent,
   * `onclick` adds a listener, everything else is an attribute; undefined values are skipped.
   */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [name, value] of Object.entries(props)) {
        if (value === undefined) continue;
        if (name === 'text') node.textContent = value;
        else if (name === 'onclick') node.addEventListener('click', value);
        else node.setAttribute(name, value);
      }
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }
  window.waDom = Object.freeze({ el });
})();
