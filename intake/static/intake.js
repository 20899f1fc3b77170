/* Small improvements on top of pages that work without JavaScript. */
(function () {
  "use strict";

  // Leave quickly: blank the page and replace it in the history (Back does not return here);
  // the link's own address deletes the unsent answers on the server, then opens a neutral site.
  var exitLink = document.querySelector("[data-quick-exit]");
  function leave(event) {
    if (event) { event.preventDefault(); }
    try { document.body.innerHTML = ""; document.title = ""; } catch (e) { /* keep going */ }
    window.location.replace(exitLink.href);
  }
  if (exitLink) {
    exitLink.addEventListener("click", leave);
    // Pressing Esc twice (within a second) leaves too; the start page says so.
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 1000) { leave(event); }
      lastEscape = now;
    });
  }

  // Hints that only make sense with JavaScript.
  document.querySelectorAll("[data-js-only]").forEach(function (hint) { hint.hidden = false; });

  // Live character count for long answers, announced politely.
  document.querySelectorAll("textarea[data-count]").forEach(function (area) {
    var max = parseInt(area.getAttribute("data-count"), 10);
    var template = area.getAttribute("data-count-text") || "{count}";
    var digits = new Intl.NumberFormat(document.documentElement.lang || "en", { numberingSystem: "latn" });
    var out = document.createElement("p");
    out.className = "char-count";
    out.id = area.id + "-count";
    out.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", out);
    var timer = null;
    function update() {
      var left = Math.max(0, max - area.value.length);
      // The page writes numbers with Latin digits in every language (Babel's default): so does
      // the counter, grouped the locale's way, never the browser's Arabic-Indic digits.
      out.textContent = template.replace("{count}", digits.format(left));
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  });

  // Copy the secret code where the browser allows it.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.getAttribute("data-copied");
      });
    });
  });

  // Print buttons exist only where printing can be started from the page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Staff lists: a box in the header ticks or clears every case on the page.
  var selectAll = document.getElementById("select-all");
  if (selectAll) {
    var boxes = document.querySelectorAll("input.select-case");
    selectAll.hidden = false;
    selectAll.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = selectAll.checked; });
    });
  }

  // Keyboard shortcuts on staff pages (listed on the shortcuts page): a key, or "g" then a key,
  // follows the link or focuses the box marked data-shortcut="key". Never while typing.
  if (document.querySelector("[data-shortcut]")) {
    var pending = "";
    var pendingAt = 0;
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) { return; }
      var key = event.key;
      if (pending && Date.now() - pendingAt < 1500) { key = pending + " " + key; }
      pending = "";
      if (key === "g") { pending = "g"; pendingAt = Date.now(); return; }
      var links = document.querySelectorAll("a[data-case-link]");
      if ((key === "j" || key === "k") && links.length && !document.querySelector('[data-shortcut="j"], [data-shortcut="k"]')) {
        var index = Array.prototype.indexOf.call(links, document.activeElement);
        index = key === "j" ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1);
        links[index].focus();
        event.preventDefault();
        return;
      }
      var element = document.querySelector('[data-shortcut="' + key.replace(/["\\]/g, "") + '"]');
      if (!element) { return; }
      event.preventDefault();
      if (element.tagName === "A") { element.click(); } else { element.focus(); }
    });
  }

  // Take the resident straight to the list of problems after a failed send.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
