// claimcheck HTML report: the filters, search and sort, and the evidence windows. No network,
// no library.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");

  // Every finding's words, as its evidence window holds them (not its Close button): kind,
  // explanation, outlets, files, values, speakers, sentences and fingerprint.
  var words = {};
  document.querySelectorAll("dialog.evidence").forEach(function (dialog) {
    var parts = dialog.querySelectorAll("h4, .explanation, .sides, .id");
    words[dialog.id] = Array.prototype.map.call(parts, function (part) {
      return part.textContent;
    }).join(" ").toLowerCase();
  });

  function has(numbers, number) {
    return (" " + numbers + " ").indexOf(" " + number + " ") >= 0;
  }

  function says(text, query) {
    return query.every(function (word) { return text.indexOf(word) >= 0; });
  }

  function passes(el, f) {
    return f.kinds.indexOf(el.dataset.kind) >= 0 &&
      parseFloat(el.dataset.confidence) >= f.min - 1e-9 &&
      (!f.across || el.dataset.scope === "across") &&
      (f.outlet === "" || has(el.dataset.outlets, f.outlet)) &&
      says(words[el.dataset.finding] || "", f.query);
  }

  // The confidence a finding, or a row by its highest finding shown, is sorted by; -1: none.
  function confidence(el) {
    if (el.dataset.confidence) return el.hidden ? -1 : parseFloat(el.dataset.confidence);
    var best = -1;
    el.querySelectorAll("button.mark:not([hidden])").forEach(function (mark) {
      best = Math.max(best, parseFloat(mark.dataset.confidence));
    });
    return best;
  }

  // The children of `list` in the order asked for; ties (and "page") keep the page's order.
  function sort(list, order) {
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (el, i) { if (el.dataset.order === undefined) el.dataset.order = i; });
    var sorted = items.slice().sort(function (a, b) {
      if (order !== "page") {
        var ka = confidence(a), kb = confidence(b);
        if ((ka < 0) !== (kb < 0)) return ka < 0 ? 1 : -1;  // nothing to sort by: last
        if (ka !== kb) return order === "high" ? kb - ka : ka - kb;
      }
      return a.dataset.order - b.dataset.order;
    });
    if (sorted.some(function (el, i) { return el !== items[i]; })) {
      sorted.forEach(function (el) { list.appendChild(el); });
    }
  }

  function apply() {
    var f = {
      kinds: Array.prototype.map.call(
        form.querySelectorAll('input[name="kind"]:checked'), function (i) { return i.value; }),
      min: parseFloat(form.elements.min.value) || 0,
      across: form.elements.across.checked,
      outlet: form.elements.outlet.value,
      query: form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean)
    };
    form.elements.shown.value = f.min.toFixed(2);
    document.querySelectorAll("[data-kind]").forEach(function (el) {
      el.hidden = !passes(el, f);
    });
    document.querySelectorAll("td.cell").forEach(function (td) {
      var fallback = td.querySelector(".fallback");
      if (!fallback) return;
      var visible = td.querySelector("button.mark:not([hidden])");
      fallback.hidden = !!visible;
      td.dataset.state = visible ? "contradicts" : td.dataset.fallback;
    });
    // A search keeps the statements that say its words, and those with a finding that does.
    document.querySelectorAll(".matrix tbody tr:not(.loose)").forEach(function (tr) {
      var label = tr.querySelector("th");
      tr.hidden = f.query.length > 0 && !tr.querySelector("button.mark:not([hidden])") &&
        !(label && says(label.textContent.toLowerCase(), f.query));
    });
    var order = form.elements.sort.value;
    document.querySelectorAll(".matrix tbody, ol.findings").forEach(function (list) {
      sort(list, order);
    });
    // Stories without findings are hidden until the reader asks for them; with an outlet
    // chosen, the stories it has no article in; with a search, those where nothing says it.
    var empty = form.elements.empty ? form.elements.empty.checked : false;
    document.querySelectorAll("section.story").forEach(function (story) {
      var hide = (story.hasAttribute("data-empty") && !empty) ||
        (f.outlet !== "" && !has(story.dataset.outlets, f.outlet)) ||
        (f.query.length > 0 &&
          !story.querySelector(".findings li:not([hidden]), .matrix tbody tr:not([hidden])"));
      story.hidden = hide;
      var entry = document.querySelector('.toc li[data-story="' + story.id + '"]');
      if (entry) entry.hidden = hide;
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
