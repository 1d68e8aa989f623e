// The "Sao chép" buttons of the citation box, the citation of one
// paragraph (#muc-2 ...) and the date of printing: enhancements; the text
// is selectable and every paragraph has its address without them.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.copy[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    if (!source.hidden) button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var label = button.textContent;
        button.textContent = "Đã sao chép";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });

  // "muc-2-a" -> "điểm a mục 2"; "muc-2-doan-3" -> "đoạn 3 mục 2"; "doan-1" -> "đoạn 1".
  function place(id) {
    var m = /^muc-(\d+)(?:-([a-z]{1,2}))?(?:-doan-(\d+))?(?:-\d+)?$/.exec(id);
    if (m) {
      var s = "mục " + m[1];
      if (m[2]) s = "điểm " + (m[2] === "dd" ? "đ" : m[2]) + " " + s;
      if (m[3]) s = "đoạn " + m[3] + " " + s;
      return s;
    }
    m = /^doan-(\d+)(?:-\d+)?$/.exec(id);
    return m ? "đoạn " + m[1] : null;
  }
  var whole = document.getElementById("trich-dan-text");
  var para = document.getElementById("trich-dan-doan");
  var link = whole && whole.querySelector(".permalink");
  function showParagraph() {
    if (!para || !link) return;
    var id = decodeURIComponent(location.hash.slice(1));
    var where = place(id);
    var target = id && document.getElementById(id);
    var button = document.querySelector('button.copy[data-copy="trich-dan-doan"]');
    if (!where || !target || !target.closest(".vb-body")) {
      para.hidden = true;
      if (button) button.hidden = true;
      return;
    }
    var sentence = whole.textContent.split(". ")[0];
    para.textContent = where.charAt(0).toUpperCase() + where.slice(1) + " " + sentence +
      ". Đường dẫn: " + link.textContent.trim() + "#" + id;
    para.hidden = false;
    if (button && navigator.clipboard) button.hidden = false;
  }
  window.addEventListener("hashchange", showParagraph);
  showParagraph();

  // The date of printing, on paper only.
  var printed = document.getElementById("ngay-in");
  function today() {
    if (!printed) return;
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    printed.textContent = two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
  }
  window.addEventListener("beforeprint", today);
  today();
})();
