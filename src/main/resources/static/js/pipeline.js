// Kanban drag and drop (HTML5 DnD API) and small page behaviours of the pipeline module. No inline scripts (CSP).
(function () {
  "use strict";

  var dragged = null;
  var origin = null;
  var originNext = null;

  function cardOf(el) { return el && el.closest ? el.closest(".kanban-card") : null; }
  function columnOf(el) { return el && el.closest ? el.closest(".kanban-cards") : null; }

  function bounceBack(id) {
    var card = document.getElementById("opp-" + id);
    if (card && card.dataset.originStage) {
      var col = document.querySelector('.kanban-cards[data-stage-id="' + card.dataset.originStage + '"]');
      if (col) {
        col.insertBefore(card, col.firstChild);
        card.dataset.stageId = card.dataset.originStage;
        card.classList.add("kanban-bounced");
        setTimeout(function () { card.classList.remove("kanban-bounced"); }, 1200);
      }
    }
    showGate();
  }

  function showGate() {
    var modal = document.getElementById("gate-modal");
    if (modal && typeof bootstrap !== "undefined") {
      bootstrap.Modal.getOrCreateInstance(modal).show();
    }
  }

  document.addEventListener("dragstart", function (e) {
    var card = cardOf(e.target);
    if (!card) { return; }
    dragged = card;
    origin = card.parentNode;
    originNext = card.nextSibling;
    card.dataset.originStage = card.dataset.stageId;
    card.classList.add("kanban-dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", card.dataset.id);
  });

  document.addEventListener("dragend", function (e) {
    var card = cardOf(e.target);
    if (card) { card.classList.remove("kanban-dragging"); }
    document.querySelectorAll(".kanban-over").forEach(function (c) { c.classList.remove("kanban-over"); });
  });

  document.addEventListener("dragover", function (e) {
    var col = columnOf(e.target) || (e.target.closest && e.target.closest(".kanban-col") ? e.target.closest(".kanban-col").querySelector(".kanban-cards") : null);
    if (!col) { return; }
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    col.classList.add("kanban-over");
  });

  document.addEventListener("dragleave", function (e) {
    var col = columnOf(e.target);
    if (col && !col.contains(e.relatedTarget)) { col.classList.remove("kanban-over"); }
  });

  document.addEventListener("drop", function (e) {
    var col = columnOf(e.target) || (e.target.closest && e.target.closest(".kanban-col") ? e.target.closest(".kanban-col").querySelector(".kanban-cards") : null);
    if (!col) { return; }
    e.preventDefault();
    col.classList.remove("kanban-over");
    var id = e.dataTransfer.getData("text/plain") || (dragged && dragged.dataset.id);
    var card = document.getElementById("opp-" + id);
    if (!card) { return; }
    var target = col.dataset.stageId;
    if (target === card.dataset.stageId) { return; }
    card.dataset.originStage = card.dataset.stageId;
    col.insertBefore(card, col.firstChild);
    card.dataset.stageId = target;
    var empty = col.querySelector(".empty-state");
    if (empty) { empty.remove(); }
    htmx.ajax("POST", "/opportunities/" + id + "/move", {
      target: "#opp-" + id,
      swap: "outerHTML",
      values: { stageId: target, version: card.dataset.version }
    });
  });

  // The server answers a blocked move with HX-Trigger: pipeline-bounce {id}
  document.addEventListener("DOMContentLoaded", function () {
    document.body.addEventListener("pipeline-bounce", function (e) { bounceBack(e.detail && e.detail.id); });
    // Opening the gate form from the detail page's stage selector uses the same modal.
    document.body.addEventListener("pipeline-gate", showGate);
    document.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
  });
})();
