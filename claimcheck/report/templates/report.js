// claimcheck HTML report: the filters, and the evidence windows. No network, no library.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");

  function passes(el, kinds, min, across) {
    return kinds.indexOf(el.dataset.kind) >= 0 &&
      parseFloat(el.dataset.confidence) >= min - 1e-9 &&
      (!across || el.dataset.scope === "across");
  }

  function apply() {
    var kinds = Array.prototype.map.call(
      form.querySelectorAll('input[name="kind"]:checked'), function (i) { return i.value; });
    var min = parseFloat(form.elements.min.value) || 0;
    var across = form.elements.across.checked;
    form.elements.shown.value = min.toFixed(2);
    document.querySelectorAll("[data-kind]").forEach(function (el) {
      el.hidden = !passes(el, kinds, min, across);
    });
    document.querySelectorAll("td.cell").forEach(function (td) {
      var fallback = td.querySelector(".fallback");
      if (!fallback) return;
      var visible = td.querySelector("button.mark:not([hidden])");
      fallback.hidden = !!visible;
      td.dataset.state = visible ? "contradicts" : td.dataset.fallback;
    });
    // Stories without findings are hidden until the reader asks for them.
    var empty = form.elements.empty ? form.elements.empty.checked : false;
    document.querySelectorAll("[data-empty]").forEach(function (el) {
      el.hidden = !empty;
    });
    var all = document.querySelectorAll(".findings li");
    var kept = document.querySelectorAll(".findings li:not([hidden])");
    var noun = all.length === 1 ? " finding" : " findings";  // as report/findings.py count()
    shown.textContent = kept.length + " of " + all.length + noun + " shown";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();

  var opener = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-open]");
    if (button) {
      var dialog = document.getElementById(button.dataset.open);
      if (dialog && !dialog.open) {
        opener = button;
        dialog.showModal();
      }
      return;
    }
    var target = event.target;
    if (target.tagName === "DIALOG") {  // on the dialog itself: its padding, or the backdrop
      var box = target.getBoundingClientRect();
      var inside = event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) target.close();
    }
  });
  document.querySelectorAll("dialog.evidence").forEach(function (dialog) {
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();  // back where the reader was
      opener = null;
    });
  });
})();
