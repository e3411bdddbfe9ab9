// The template form: the stage select only matters for a rejection, so it shows only when
// the kind chosen is "rejection". Without JavaScript it stays, and the server refuses a
// stage for any other kind.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const kind = document.getElementById("id_kind");
  const stage = document.getElementById("stage-field");
  if (!kind || !stage) return;
  const select = stage.querySelector("select");
  const refused = stage.querySelector(".errorlist"); // keep the error in sight
  const show = () => {
    const rejection = kind.value === "rejection";
    stage.hidden = !rejection && !refused;
    if (!rejection && !refused && select) select.value = "";
  };
  kind.addEventListener("change", show);
  show();
});
