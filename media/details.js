// Renders the details of one error code. Everything shown comes by postMessage and goes into the
// page through textContent only; the page never builds HTML from data.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');

  const { el } = window.waDom;

  function button(label, onClick, ariaLabel) {
    return el('button', { type: 'button', text: label, 'aria-label': ariaLabel, onclick: onClick });
  }

  function section(id, heading, children) {
    return el('section', { 'aria-labelledby': id }, [el('h2', { id, text: heading }), ...children]);
  }

  function render(model) {
    const s = model.strings;
    const e = model.entry;
    const facts = el('dl', { class: 'facts' }, [
      el('dt', { text: s.code }),
      el('dd', { text: e.key }),
      el('dt', { text: s.category }),
      el('dd', { text: e.category }),
      el('dt', { text: s.httpStatus }),
      el('dd', { text: e.httpStatus }),
      el('dt', { text: s.retry }),
      el('dd', { text: e.retry }),
    ]);
    const actions = el('div', { class: 'actions', role: 'toolbar', 'aria-label': e.key }, [
      button(s.copyCode, () => vscode.postMessage({ type: 'copy', what: 'code' })),
      button(s.copyTitle, () => vscode.postMessage({ type: 'copy', what: 'title' })),
      e.docsUrl
        ? el('a', { href: '#', class: 'docs', title: e.docsUrl, onclick: (ev) => { ev.preventDefault(); vscode.postMessage({ type: 'openDocs' }); }, text: s.openDocs })
        : undefined,
    ]);
    const parts = [
      el('header', undefined, [
        el('p', { class: 'code', text: e.key }),
        el('h1', { text: e.title }),
        e.origin ? el('p', { class: 'note', text: e.origin }) : undefined,
      ]),
      actions,
      facts,
      section('meaning', s.meaning, [el('p', { text: e.description })]),
      section('solution', s.solution, [el('p', { text: e.solution })]),
    ];
    if (e.variants.length > 0) {
      parts.push(section('variants', s.variants, [el('p', { class: 'note', text: s.variantsHint }), el('ul', undefined, e.variants.map((v) => el('li', undefined, [el('code', { text: v })])))]));
    }
    if (e.confidenceNote) parts.push(section('confidence', s.confidence, [el('p', { text: e.confidenceNote })]));
    parts.push(snippetSection(model));
    root.replaceChildren(...parts);
  }

  function snippetSection(model) {
    const s = model.strings;
    const picker = el('select', { id: 'snippet-language', 'aria-label': s.language });
    for (const snippet of model.snippets) {
      const option = el('option', { value: snippet.language, text: snippet.label });
      if (snippet.language === model.language) option.selected = true;
      picker.appendChild(option);
    }
    const code = el('code');
    const pre = el('pre', { tabindex: '0', 'aria-labelledby': 'snippet' }, [code]);
    const show = () => {
      const snippet = model.snippets.find((x) => x.language === picker.value);
      code.textContent = snippet ? snippet.code : '';
    };
    picker.addEventListener('change', show);
    show();
    const copy = button(s.copySnippet, () => vscode.postMessage({ type: 'copySnippet', language: picker.value }));
    return section('snippet', s.snippet, [
      el('div', { class: 'actions' }, [el('label', { for: 'snippet-language', text: s.language }), picker, copy]),
      pre,
    ]);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'show' && message.model) render(message.model);
  });
  vscode.postMessage({ type: 'ready' });
})();
