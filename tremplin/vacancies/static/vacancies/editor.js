// The vacancy editor's live Markdown preview. Without JavaScript the "Preview" button
// does the same on the server; with it, each preview pane follows its text as you type.
(function () {
  "use strict";
  var DELAY_MS = 350;

  function setUp(form) {
    var url = form.getAttribute("data-preview-url");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!url || !token || !window.fetch) {
      return;
    }
    var panes = form.querySelectorAll("[data-preview-for]");
    Array.prototype.forEach.call(panes, function (pane) {
      var source = document.getElementById(pane.getAttribute("data-preview-for"));
      if (!source) {
        return;
      }
      var timer = null;
      var sent = 0;
      function refresh() {
        var number = ++sent;
        var body = new FormData();
        body.append("body", source.value);
        fetch(url, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: { "X-CSRFToken": token.value },
        })
          .then(function (response) {
            return response.ok ? response.text() : null;
          })
          .then(function (html) {
            // Only the answer to the latest request is shown. The server sanitises the
            // HTML with the same allowlist as the public page.
            if (html !== null && number === sent) {
              pane.innerHTML = html;
              pane.setAttribute("data-preview-state", "fresh");
            }
          })
          .catch(function () {
            pane.setAttribute("data-preview-state", "failed");
          });
      }
      source.addEventListener("input", function () {
        pane.setAttribute("data-preview-state", "pending");
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, DELAY_MS);
      });
      // Text typed while the page was still loading, before this listener existed, is
      // previewed now rather than at the next keystroke.
      if (source.value !== source.defaultValue) {
        refresh();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-preview-url]"), setUp);
  });
})();
