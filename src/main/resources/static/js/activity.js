// Quick-log form: picking a recent customer fills the hidden customer id (htmx swaps the contact/opportunity part).
(function () {
  "use strict";
  document.addEventListener("change", function (e) {
    if (e.target && e.target.name === "customerPick") {
      var hidden = document.getElementById("customerId");
      if (hidden) { hidden.value = e.target.value; }
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
  });
})();
