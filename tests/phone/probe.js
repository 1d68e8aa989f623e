/*
 * Test-only (tests/browser/phone.rs adds it to a copy of each page): measures what
 * a phone reader meets and writes it as JSON into <pre id="probe">.
 */
(function () {
  'use strict';
  function rgb(s) {
    var m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(s);
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
  }
  function lum(c) {
    var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function ratio(a, b) {
    var x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  // The colour behind an element: the first opaque background up the tree.
  function behind(el) {
    for (var e = el.parentElement; e; e = e.parentElement) {
      var c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 };
  }
  function path(a) {
    try { return new URL(a.getAttribute('href'), location.href).pathname; } catch (e) { return ''; }
  }
  var out = {
    path: location.pathname,
    viewport: [innerWidth, innerHeight],
    scrollWidth: document.documentElement.scrollWidth,
    controls: [],
    summary: null,
    listed: [],
    monthLinks: [],
    typeLinks: [],
    footnoteTargets: []
  };
  // Inputs, selects and buttons: their border against what is behind them.
  Array.prototype.forEach.call(document.querySelectorAll('input, select, button'), function (el) {
    if (el.hidden || el.offsetParent === null) return;
    var st = getComputedStyle(el);
    var border = rgb(st.borderTopColor);
    var bg = behind(el);
    var own = rgb(st.backgroundColor);
    // A filled control (a button) is seen by its fill; an outlined one by its border.
    var edge = own && own.a > 0.5 && ratio(own, bg) >= ratio(border, bg) ? own : border;
    out.controls.push({ what: el.tagName + (el.id ? '#' + el.id : ''), ratio: Math.round(ratio(edge, bg) * 100) / 100 });
  });
  var summary = document.querySelector('.doc-summary');
  if (summary) {
    var r = summary.getBoundingClientRect();
    out.summary = {
      bottom: r.bottom + scrollY,
      status: !!summary.querySelector('.ds-status'),
      cites: !!summary.querySelector('a[href="#dan-chieu"]'),
      citedBy: !!summary.querySelector('a[href="#duoc-dan-chieu"]'),
      text: summary.textContent.replace(/\s+/g, ' ').trim()
    };
  }
  // Documents the page lists (cited, citing, chain): each should be there once.
  Array.prototype.forEach.call(document.querySelectorAll('.doc-aside li a'), function (a) {
    var p = path(a);
    if (/\/van-ban\//.test(p)) out.listed.push(p);
  });
  Array.prototype.forEach.call(document.querySelectorAll('.list-main .month h2 a'), function (a) { out.monthLinks.push(path(a)); });
  Array.prototype.forEach.call(document.querySelectorAll('.facts section'), function (s) {
    var h = s.querySelector('h2');
    if (h && /loại văn bản/i.test(h.textContent)) {
      Array.prototype.forEach.call(s.querySelectorAll('a'), function (a) { out.typeLinks.push(path(a)); });
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('.footnote-reference a, .footnote-back'), function (a) {
    var b = a.getBoundingClientRect();
    out.footnoteTargets.push([Math.round(b.width), Math.round(b.height)]);
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
