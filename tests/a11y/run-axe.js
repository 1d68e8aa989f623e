/*
 * Test-only: runs axe-core (loaded just before this script) on the page and
 * writes what it found as JSON into <pre id="axe-result">, which
 * `chromium --dump-dom` then prints. tests/browser/a11y.rs adds both scripts
 * to a copy of each page; the published site never has them.
 */
(function () {
  'use strict';
  function show(value) {
    var pre = document.createElement('pre');
    pre.id = 'axe-result';
    pre.textContent = JSON.stringify(value);
    document.body.appendChild(pre);
  }
  if (typeof axe === 'undefined') {
    show({ error: 'axe-core did not load' });
    return;
  }
  axe.run(document, { resultTypes: ['violations'] }).then(
    function (results) {
      show({
        violations: results.violations.map(function (v) {
          return {
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map(function (n) {
              return n.target.join(' ') + ' ' + n.html.slice(0, 160);
            })
          };
        })
      });
    },
    function (e) {
      show({ error: String(e) });
    }
  );
})();
