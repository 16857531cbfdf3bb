// Readers' aids that need the rendered page: a chart is never shown so small that its text falls under 9 px
// (the charts are drawn at 200 dpi with text of 6.5 pt or more, so half their natural width keeps 9 px), and a
// table or chart wider than the column says so above it, as well as scrolling sideways in its own box.
(function () {
  function cue(box) {
    box.classList.toggle("tk-scrolls", box.scrollWidth > box.clientWidth + 1);
  }
  function ready() {
    document.querySelectorAll(".cell_output img, figure img").forEach(function (img) {
      var fit = function () {
        img.style.minWidth = Math.round(img.naturalWidth / 2) + "px";
        cue(img.closest("figure") || img.parentElement);
      };
      if (img.complete) { fit(); } else { img.addEventListener("load", fit); }
    });
    var boxes = document.querySelectorAll(".cell_output .text_html, .cell_output figure, figure.align-default");
    boxes.forEach(cue);
    window.addEventListener("resize", function () { boxes.forEach(cue); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
