// The process pages' behaviour (CSP allows only our own scripts): the version diagram drawn by
// Mermaid (served from /console/assets/mermaid.min.js) from the Mermaid text the page carries in
// its <pre>, which stays as the accessible fallback. `strict`: no HTML labels, no click handlers.
(function () {
  'use strict';
  function draw() {
    var container = document.getElementById('process-diagram');
    if (!container || typeof mermaid === 'undefined') return;
    var source = document.getElementById(container.getAttribute('data-mermaid-target'));
    if (!source) return;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false } });
    mermaid
      .render('process-diagram-svg', source.textContent)
      .then(function (result) {
        container.innerHTML = result.svg;
        var svg = container.querySelector('svg');
        if (svg) {
          // One picture with a name; the text version is in the <details> beside it.
          svg.setAttribute('role', 'img');
          svg.removeAttribute('aria-roledescription');
          svg.setAttribute('aria-label', container.getAttribute('data-label') || '');
          svg.setAttribute('focusable', 'false');
        }
        container.setAttribute('data-rendered', 'true');
      })
      .catch(function () {
        container.textContent = container.getAttribute('data-failed') || '';
        container.setAttribute('data-rendered', 'failed');
      });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
