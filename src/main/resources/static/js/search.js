// The global search box: "/" focuses it unless the user is typing somewhere; Escape closes the dropdown.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    var box = document.querySelector("[data-search-shortcut]");
    if (!box) {
      return;
    }
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      box.focus();
      box.select();
    } else if (e.key === "Escape" && t === box) {
      document.getElementById("global-search-results").innerHTML = "";
      box.blur();
    }
  });

  // A click elsewhere closes the dropdown.
  document.addEventListener("click", function (e) {
    var results = document.getElementById("global-search-results");
    if (results && !e.target.closest("#global-search")) {
      results.innerHTML = "";
    }
  });
})();
