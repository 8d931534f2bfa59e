// sift: small enhancements only; every page works without this script.
// Remembers which highlight layers were switched on, across article pages.
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".layers input[type=checkbox]");
  boxes.forEach(function (box) {
    var key = "sift." + box.id;
    try {
      var saved = window.localStorage.getItem(key);
      if (saved !== null) { box.checked = saved === "1"; }
    } catch (e) { /* storage may be disabled */ }
    box.addEventListener("change", function () {
      try { window.localStorage.setItem(key, box.checked ? "1" : "0"); } catch (e) { /* ignore */ }
    });
  });
  // Pressing "/" focuses the search box.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.target.tagName === "INPUT" || ev.target.tagName === "TEXTAREA") { return; }
    var q = document.querySelector(".searchbox input");
    if (q) { ev.preventDefault(); q.focus(); }
  });
})();
