(function () {
  'use strict';
  var q = new URLSearchParams(location.search);
  var frame = document.createElement('iframe');
  frame.width = q.get('w') || '320';
  frame.height = q.get('h') || '800';
  frame.style.border = '0';
  frame.src = location.hash.slice(1);
  frame.addEventListener('load', function () {
    var tries = 0;
    (function copy() {
      var pre = frame.contentDocument && frame.contentDocument.getElementById('probe');
      if (pre) {
        var out = document.createElement('pre');
        out.id = 'probe';
        out.textContent = pre.textContent;
        document.body.appendChild(out);
      } else if (tries++ < 50) {
        setTimeout(copy, 50);
      }
    })();
  });
  document.body.appendChild(frame);
})();
