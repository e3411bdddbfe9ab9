// The pipeline board: drag a card to another stage's column, or with the keyboard pick it up
// ("Pick up", Space), choose the stage with the arrows and press Space again. Either way the
// move is the ordinary form post of the card's "Move" page, so the server checks it as
// always (a rejection without its reason comes back as that page, with the error). Without
// JavaScript the "Move" links and the bulk form do the same.
(() => {
  "use strict";
  const board = document.querySelector("[data-board]");
  const token = document.querySelector("#bulk-move [name=csrfmiddlewaretoken]");
  if (!board || !token) return;
  const columns = [...board.querySelectorAll(".board-column[data-stage]")];
  const live = document.getElementById("board-live");
  const say = (text) => { live.textContent = text; };
  const heading = (column) => column.querySelector("h3").textContent.trim();

  const move = (card, column) => {
    if (card.closest(".board-column") === column) return false;
    const form = document.createElement("form");
    form.method = "post";
    form.action = card.dataset.move;
    const fields = {
      csrfmiddlewaretoken: token.value,
      stage: column.dataset.stage,
      next: `${location.pathname}${location.search}#stage-${column.dataset.stage}`,
    };
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
    return true;
  };

  document.getElementById("board-keys").hidden = false;
  let dragged = null;
  for (const card of board.querySelectorAll(".board-card[data-move]")) {
    card.draggable = true;
    card.addEventListener("dragstart", (event) => {
      dragged = card;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.dataset.move);
    });
    card.addEventListener("dragend", () => { dragged = null; });
  }
  for (const column of columns) {
    column.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      column.classList.add("is-target");
    });
    column.addEventListener("dragleave", () => column.classList.remove("is-target"));
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("is-target");
      if (dragged) move(dragged, column);
    });
  }

  // The keyboard: one card picked up at a time, its target shown and announced.
  let picked = null;
  let target = 0;
  const show = () => {
    columns.forEach((column, index) => column.classList.toggle("is-target", index === target));
    say(heading(columns[target]));
  };
  const drop = () => {
    columns.forEach((column) => column.classList.remove("is-target"));
    picked.card.classList.remove("is-picked");
    picked.button.setAttribute("aria-pressed", "false");
    picked = null;
  };
  for (const button of board.querySelectorAll(".card-grab")) {
    const card = button.closest(".board-card");
    button.hidden = false;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      if (picked && picked.button === button) {
        const column = columns[target];
        drop();
        if (!move(card, column)) say(board.dataset.cancelled);
        return;
      }
      if (picked) drop();
      picked = { card, button };
      target = columns.indexOf(card.closest(".board-column"));
      card.classList.add("is-picked");
      button.setAttribute("aria-pressed", "true");
      say(board.dataset.picked);
    });
    button.addEventListener("keydown", (event) => {
      if (!picked || picked.button !== button) return;
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (step) {
        event.preventDefault();
        target = (target + step + columns.length) % columns.length;
        show();
      } else if (event.key === "Escape") {
        event.preventDefault();
        drop();
        say(board.dataset.cancelled);
      }
    });
  }
})();

// The bulk form: "select all on this page" ticks every card, and a counter says how many
// are selected. Without JavaScript the same box makes the server take every card shown.
(() => {
  "use strict";
  const all = document.querySelector("[data-bulk-all]");
  const count = document.querySelector("[data-bulk-count]");
  const boxes = [...document.querySelectorAll("[data-bulk-select]")];
  if (!all || !count) return;
  const show = () => {
    const ticked = boxes.filter((box) => box.checked).length;
    const text = ticked === 0 ? count.dataset.none : ticked === 1 ? count.dataset.one : count.dataset.many;
    count.textContent = text.replace("%(count)s", String(ticked));
    count.hidden = false;
  };
  all.addEventListener("change", () => {
    for (const box of boxes) box.checked = all.checked;
    show();
  });
  for (const box of boxes) {
    box.addEventListener("change", () => {
      if (!box.checked) all.checked = false;
      show();
    });
  }
  show();
})();
