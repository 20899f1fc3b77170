/* Small improvements on top of pages that work without JavaScript. */
(function () {
  "use strict";

  // Leave quickly: replace this page in the history, so Back does not return here.
  document.querySelectorAll("[data-quick-exit]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      try { document.body.innerHTML = ""; document.title = ""; } catch (e) { /* keep going */ }
      window.location.replace(link.href);
    });
  });

  // Live character count for long answers, announced politely.
  document.querySelectorAll("textarea[data-count]").forEach(function (area) {
    var max = parseInt(area.getAttribute("data-count"), 10);
    var template = area.getAttribute("data-count-text") || "{count}";
    var out = document.createElement("p");
    out.className = "char-count";
    out.id = area.id + "-count";
    out.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", out);
    var timer = null;
    function update() {
      var left = Math.max(0, max - area.value.length);
      out.textContent = template.replace("{count}", left.toLocaleString(document.documentElement.lang));
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  });

  // Print buttons exist only where printing can be started from the page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Take the resident straight to the list of problems after a failed send.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
