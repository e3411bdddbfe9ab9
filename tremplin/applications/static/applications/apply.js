// Progressive enhancement of the application form: the server checks everything anyway.
// Counts the words of each answer against its limit, and warns at once about a file too
// big to send (the server would stop the upload and say the same).
(function () {
  "use strict";
  document.querySelectorAll("form.apply-form").forEach(function (form) {
    // The error summary takes the focus, so that screen readers read it first.
    var summary = form.querySelector(".error-summary");
    if (summary) { summary.focus(); }
    // A job board's or a referral's marker on the vacancy page's address (the page is the
    // same for every visitor, so the server leaves these fields empty there): carried into
    // the form, which the server checks (applications/sources.py) and ignores if bad.
    var query = new URLSearchParams(window.location.search);
    var via = form.querySelector("input[name=via]");
    var by = form.querySelector("input[name=by]");
    if (via && by && !via.value) {
      via.value = query.get("via") || (query.get("utm_source") ? "board:" + query.get("utm_source") : "");
      by.value = query.get("by") || "";
    }
    var wordsLabel = form.dataset.words || "words";
    form.querySelectorAll("textarea[data-word-limit]").forEach(function (area) {
      var limit = parseInt(area.dataset.wordLimit, 10);
      var counter = document.createElement("p");
      counter.className = "word-count";
      counter.setAttribute("aria-live", "polite");
      area.insertAdjacentElement("afterend", counter);
      function update() {
        var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
        counter.textContent = words + " / " + limit + " " + wordsLabel;
        counter.classList.toggle("over", words > limit);
      }
      area.addEventListener("input", update);
      update();
    });
    form.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
      var max = parseInt(input.dataset.maxBytes, 10);
      input.addEventListener("change", function () {
        var tooBig = Array.prototype.some.call(input.files, function (file) { return file.size > max; });
        input.setCustomValidity(tooBig ? form.dataset.tooBig : "");
        if (tooBig) { input.reportValidity(); }
      });
    });
    // The form is novalidate (the server's messages are in the page's language), so the
    // size warning has to stop the submission itself.
    form.addEventListener("submit", function (event) {
      var inputs = form.querySelectorAll("input[type=file][data-max-bytes]");
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].validity.customError) {
          event.preventDefault();
          inputs[i].reportValidity();
          return;
        }
      }
    });
  });
})();
