// At signup, tell Nearer the browser's time zone (like "Europe/London") in a hidden field, so
// the help lines a new member sees can be their own country's. Nothing else is read or sent;
// without JavaScript the browser's language is used instead, and the member can change the
// country in Account.
(function () {
  "use strict";
  var field = document.querySelector("input[name='browser_time_zone']");
  if (!field) return;
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    /* an old browser: the server falls back to the language */
  }
})();
