// vanban serve: reloads this page after each successful rebuild and shows
// the errors of a failed one. Added only to pages served by `vanban serve`.
(function () {
  "use strict";
  var script = document.currentScript;
  var pageBuild = script ? script.getAttribute("data-build") : null;
  var panel = null;

  function showErrors(text) {
    if (!panel) {
      panel = document.createElement("div");
      panel.setAttribute("role", "alert");
      var s = panel.style;
      s.position = "fixed";
      s.left = "0";
      s.right = "0";
      s.bottom = "0";
      s.maxHeight = "50vh";
      s.overflow = "auto";
      s.zIndex = "2147483647";
      s.background = "#fff4f4";
      s.color = "#5c0000";
      s.borderTop = "3px solid #b00020";
      s.padding = "0.75rem 1rem";
      s.font = "14px/1.4 system-ui, sans-serif";
      document.body.appendChild(panel);
    }
    panel.textContent = "";
    var title = document.createElement("strong");
    title.textContent =
      "Dựng lại thất bại; trang đang hiển thị bản dựng thành công gần nhất.";
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.style.margin = "0.5rem 0 0";
    pre.style.font = "13px/1.4 ui-monospace, monospace";
    pre.textContent = text;
    panel.appendChild(title);
    panel.appendChild(pre);
  }

  // A browser opens only a few connections to one server at a time, so a
  // hidden tab lets go of its event stream; when shown again, the `build`
  // event tells whether it missed a rebuild.
  var events = null;
  function listen() {
    if (events) {
      return;
    }
    events = new EventSource("/__vanban/events");
    events.addEventListener("build", function (e) {
      if (pageBuild && e.data !== pageBuild) {
        location.reload();
      }
    });
    events.addEventListener("reload", function () {
      location.reload();
    });
    events.addEventListener("failed", function (e) {
      showErrors(e.data);
    });
  }
  function stopListening() {
    if (events) {
      events.close();
      events = null;
    }
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      stopListening();
    } else {
      listen();
    }
  });
  window.addEventListener("pagehide", stopListening);
  window.addEventListener("pageshow", function () {
    if (!document.hidden) {
      listen();
    }
  });
  if (!document.hidden) {
    listen();
  }
})();
