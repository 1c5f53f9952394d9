// Quick exit, after the GOV.UK "Exit this page" pattern: the button, or Shift pressed three
// times within five seconds, blanks this page and replaces it in history with a neutral site,
// so that Back does not return here.
(function () {
  "use strict";
  var WINDOW_MS = 5000;
  var presses = [];

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return link ? link.getAttribute("href") : "about:blank";
  }

  function exitNow(event) {
    if (event) event.preventDefault();
    var url = exitUrl();
    document.title = "Loading";
    document.body.innerHTML = "";
    document.body.className = "quick-exit-blank";
    try { sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-quick-exit]");
    if (target) exitNow(event);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      exitNow();
    }
  });
})();
