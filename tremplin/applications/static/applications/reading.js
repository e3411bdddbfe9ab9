// Reading applications: j opens the next one at this stage, k the previous one, ? lists the
// shortcuts. Keys typed in a field are left alone. The links work without JavaScript.
(() => {
  "use strict";
  const dialog = document.getElementById("shortcuts");
  const button = document.querySelector("[data-shortcuts]");
  const show = () => { if (dialog && !dialog.open) dialog.showModal(); };
  if (button) {
    button.hidden = false;
    button.addEventListener("click", show);
  }
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.target.closest("input, textarea, select, [contenteditable], dialog")) return;
    if (event.key === "?") {
      event.preventDefault();
      show();
      return;
    }
    const link = document.querySelector(`a[data-key="${event.key}"]`);
    if (link) {
      event.preventDefault();
      link.click();
    }
  });
})();
