// Renders a log summary: one row per error code with counts and line links. Data arrives by
// postMessage and is put on the page with textContent only.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');

  const { el } = window.waDom;

  function lineLink(view, strings, line) {
    const label = String(line);
    if (!view.canOpen) return el('span', { class: 'line', text: label });
    return el('button', {
      type: 'button',
      class: 'link line',
      text: label,
      'aria-label': strings.goToLine.replace('{0}', label),
      onclick: () => vscode.postMessage({ type: 'reveal', line }),
    });
  }

  function row(view, strings, r) {
    const title = r.title === undefined ? el('span', { class: 'muted', text: strings.unknown }) : document.createTextNode(r.title);
    const codeButton = el('button', {
      type: 'button',
      class: 'link code',
      text: r.key,
      'aria-label': strings.details.replace('{0}', r.key),
      onclick: () => vscode.postMessage({ type: 'details', key: r.key }),
    });
    // First and last line already say it all for a code on one or two lines.
    const lines = r.lines.length > 2
      ? el('details', undefined, [
          el('summary', { text: strings.lines }),
          el('div', { class: 'lines' }, r.lines.map((l) => lineLink(view, strings, l))),
          r.truncated ? el('p', { class: 'muted', text: strings.moreLines }) : undefined,
        ])
      : undefined;
    return el('tr', undefined, [
      el('td', undefined, [codeButton]),
      el('td', undefined, [title, lines]),
      el('td', { class: 'num', text: r.count.toLocaleString() }),
      el('td', { class: 'num' }, [lineLink(view, strings, r.firstLine)]),
      el('td', { class: 'num' }, [lineLink(view, strings, r.lastLine)]),
    ]);
  }

  function render(view, strings) {
    const parts = [el('h1', { text: strings.heading })];
    if (view.cancelled) parts.push(el('p', { class: 'warning', role: 'status', text: strings.cancelled }));
    if (view.rows.length === 0) {
      parts.push(el('p', { class: 'empty', role: 'status', text: strings.empty }));
      root.replaceChildren(...parts);
      return;
    }
    parts.push(el('p', { class: 'muted', text: strings.totals }));
    if (!view.canOpen) parts.push(el('p', { class: 'muted', text: strings.notOpenable }));
    const head = el('tr', undefined, [
      el('th', { scope: 'col', text: strings.code }),
      el('th', { scope: 'col', text: strings.title }),
      el('th', { scope: 'col', class: 'num', text: strings.count }),
      el('th', { scope: 'col', class: 'num', text: strings.first }),
      el('th', { scope: 'col', class: 'num', text: strings.last }),
    ]);
    parts.push(el('table', { 'aria-label': strings.heading }, [el('thead', undefined, [head]), el('tbody', undefined, view.rows.map((r) => row(view, strings, r)))]));
    root.replaceChildren(...parts);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'show' && message.view && message.strings) render(message.view, message.strings);
  });
  vscode.postMessage({ type: 'ready' });
})();
