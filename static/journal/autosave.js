// Journal autosave: nothing written is lost, and two windows never overwrite each other.
//
// - Saves to the server about 3 seconds after typing stops, and at least every 10 seconds
//   while typing; again when the page is hidden or left (fetch with keepalive, or a beacon).
// - Keeps an unsent copy in localStorage (per member) until the server confirms it; a copy
//   left by a crash, a closed tab or a lost connection is sent the next time a journal page
//   opens.
// - Every save carries the version it started from, plus this window's id and a counter. The
//   server refuses a save based on an older version (409); the page then offers to keep both
//   or to open the newer version.
// Without JavaScript the editor is a plain form with the same version check.
(function () {
  "use strict";
  var IDLE_MS = 3000;
  var MAX_MS = 10000;
  var RETRY_MS = 10000;

  var root = document.querySelector("[data-journal-root]");
  if (!root || !window.fetch || !window.FormData) return;
  var user = root.getAttribute("data-user");
  var createUrl = root.getAttribute("data-create-url");
  var csrfInput = root.querySelector("input[name=csrfmiddlewaretoken]");
  var csrf = csrfInput ? csrfInput.value : "";
  var prefix = "nearer-journal:" + user + ":";
  var recoveredBox = document.querySelector("[data-journal-recovered]");

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); })
      .join("");
  }

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function keep(copy) {
    var s = store();
    if (!s) return;
    try { s.setItem(prefix + copy.writer, JSON.stringify(copy)); } catch (e) { /* full or off */ }
  }

  function forget(writer) {
    var s = store();
    if (!s) return;
    try { s.removeItem(prefix + writer); } catch (e) { /* off */ }
  }

  function copies() {
    var s = store();
    var found = [];
    if (!s) return found;
    for (var i = 0; i < s.length; i++) {
      var key = s.key(i);
      if (!key || key.indexOf(prefix) !== 0) continue;
      try {
        var copy = JSON.parse(s.getItem(key));
        if (copy && copy.writer) found.push(copy);
      } catch (e) { /* not ours */ }
    }
    found.sort(function (a, b) { return (a.at || 0) - (b.at || 0); });
    return found;
  }

  function formData(copy) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf);
    data.append("autosave", "1");
    data.append("title", copy.title || "");
    data.append("body", copy.body || "");
    data.append("mood", copy.mood || "");
    data.append("writer", copy.writer);
    data.append("seq", String(copy.seq));
    if (copy.saveUrl) {
      data.append("version", String(copy.version));
    } else {
      data.append("prompt", copy.prompt || "");
      data.append("extra_prompt", copy.extra_prompt || "");
      data.append("own_prompt", copy.own_prompt || "");
    }
    return data;
  }

  // Resolves to {status, data}; rejects only when the network fails.
  function send(copy, keepalive) {
    return fetch(copy.saveUrl || createUrl, {
      method: "POST",
      body: formData(copy),
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" },
    }).then(function (response) {
      var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      var parsed = isJson && !response.redirected ? response.json() : Promise.resolve(null);
      return parsed.then(
        function (data) { return { status: response.status, data: data }; },
        function () { return { status: response.status, data: null }; }
      );
    });
  }

  function confirmed(result) {
    return (
      (result.status === 200 || result.status === 201) && result.data && result.data.id
    );
  }

  function isEmpty(copy) {
    return !copy.saveUrl && !(copy.title || "").trim() && !(copy.body || "").trim();
  }

  function notice(html) {
    if (!recoveredBox) return null;
    var p = document.createElement("div");
    p.className = "message";
    p.setAttribute("role", "status");
    p.innerHTML = html;
    recoveredBox.appendChild(p);
    recoveredBox.hidden = false;
    return p;
  }

  // ---- The private note (templates/safety/_private_note.html) ---------------------------------
  // Each save's reply carries the writer's note as HTML, or "" when the words suggest no danger.
  // The same note is left alone (so it is not announced again, and stays folded if folded);
  // a different one takes its place, folded if the last one was.

  var noteSlot = document.querySelector("[data-private-note-slot]");

  function words(el) {
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function showNote(html) {
    if (!noteSlot || typeof html !== "string") return;
    var old = noteSlot.querySelector("[data-private-note]");
    if (!html) {
      if (old) noteSlot.textContent = "";
      return;
    }
    var incoming = document.createElement("template");
    incoming.innerHTML = html;
    var fresh = incoming.content.querySelector("[data-private-note]");
    if (!fresh || (old && words(old) === words(fresh))) return;
    if (old && !old.open) fresh.open = false;
    noteSlot.textContent = "";
    noteSlot.appendChild(fresh);
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  // ---- Copies left behind by an earlier page: send them, one at a time. ----------------------

  function recover(editor) {
    var pending = copies().filter(function (c) { return !editor || c.writer !== editor.writer; });
    var reloadFor = [];
    function next(i) {
      if (i >= pending.length) {
        finish(reloadFor, editor);
        return;
      }
      var copy = pending[i];
      if (isEmpty(copy)) {
        forget(copy.writer);
        next(i + 1);
        return;
      }
      send(copy, false).then(function (result) {
        if (confirmed(result)) {
          forget(copy.writer);
          if (result.data.outcome !== "unchanged") reloadFor.push(result.data);
        } else if (result.status === 409) {
          offerBoth(copy, result.data);
        } else if (result.status === 404) {
          forget(copy.writer);  // the entry was deleted on purpose
        } else if (result.status === 400) {
          offerToLetGo(copy, result.data);
        } else {
          return;  // logged out or unavailable: try again next time
        }
        next(i + 1);
      }, function () { /* offline: try again next time */ });
    }
    next(0);
  }

  // Set once the member is already on their way elsewhere (a link clicked, a tab closed):
  // a reload then would pull them back to this page.
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  window.addEventListener("pagehide", function () { leaving = true; });

  function finish(saved, editor) {
    if (!saved.length || leaving) return;
    var onList = !editor;
    var touched = editor && editor.touched();
    var mine = editor && saved.some(function (d) { return String(d.id) === editor.entryId(); });
    if (onList || (mine && !touched)) {
      window.location.reload();
      return;
    }
    saved.forEach(function (d) {
      notice(
        "We saved words you wrote earlier in another window. " +
        '<a href="' + escapeHtml(d.url) + '">Open that entry</a>.'
      );
    });
  }

  function offerBoth(copy, data) {
    var box = notice(
      "Some words you wrote earlier didn't reach an entry before it changed elsewhere. " +
      "Nothing is lost yet: you can keep them as a new entry, or let them go. " +
      '<span class="actions"><button type="button" data-keep>Keep them as a new entry</button> ' +
      '<button type="button" class="secondary" data-drop>Let them go</button></span>'
    );
    if (!box) return;
    box.setAttribute("role", "alert");
    box.querySelector("[data-keep]").addEventListener("click", function () {
      keepAsNew(copy);
    });
    box.querySelector("[data-drop]").addEventListener("click", function () {
      forget(copy.writer);
      box.remove();
    });
  }

  function offerToLetGo(copy, data) {
    var reasons = data && data.messages ? data.messages.join(" ") : "";
    var box = notice(
      "Some words you wrote earlier couldn't be saved. " + escapeHtml(reasons) +
      ' <label>Your words<textarea readonly rows="4"></textarea></label>' +
      '<span class="actions"><button type="button" class="secondary" data-drop>Let them go</button></span>'
    );
    if (!box) return;
    box.setAttribute("role", "alert");
    box.querySelector("textarea").value = copy.body || "";
    box.querySelector("[data-drop]").addEventListener("click", function () {
      forget(copy.writer);
      box.remove();
    });
  }

  // Save the words as a brand-new entry (a new window id), then open it.
  function keepAsNew(copy) {
    var fresh = {
      writer: newId(), seq: 1, saveUrl: "", version: 0, at: Date.now(),
      title: copy.title, body: copy.body, mood: copy.mood,
    };
    keep(fresh);
    return send(fresh, false).then(function (result) {
      if (confirmed(result)) {
        forget(fresh.writer);
        forget(copy.writer);
        window.location.assign(result.data.url);
      } else {
        forget(fresh.writer);
        notice("That didn't save just now. Your words are still here; please try again.");
      }
    }, function () {
      forget(fresh.writer);
      notice("You seem to be offline. Your words are still here; please try again soon.");
    });
  }

  // ---- The editor ---------------------------------------------------------------------------

  function Editor(form) {
    var self = this;
    var status = form.querySelector("[data-journal-status]");
    var conflictBox = document.querySelector("[data-journal-conflict]");
    var state = {
      writer: newId(),
      nextSeq: 1,
      version: parseInt(form.getAttribute("data-version"), 10) || 0,
      entryId: form.getAttribute("data-entry-id") || "",
      saveUrl: form.getAttribute("data-save-url") || "",
      edits: 0,
      dirty: false,
      inFlight: false,
      again: false,
      paused: false,
      idle: null,
      max: null,
      retry: null,
    };
    this.writer = state.writer;
    this.entryId = function () { return state.entryId; };
    this.touched = function () { return state.edits > 0; };

    function field(name) {
      var el = form.elements[name];
      return el ? el.value : "";
    }

    function snapshot() {
      return {
        writer: state.writer,
        seq: state.nextSeq,
        entryId: state.entryId,
        saveUrl: state.saveUrl,
        version: state.version,
        title: field("title"),
        body: field("body"),
        mood: field("mood"),
        prompt: field("prompt"),
        extra_prompt: field("extra_prompt"),
        own_prompt: field("own_prompt"),
        at: Date.now(),
      };
    }

    function say(text) {
      if (status && status.textContent !== text) status.textContent = text;
    }

    function clearTimers() {
      clearTimeout(state.idle);
      clearTimeout(state.max);
      clearTimeout(state.retry);
      state.idle = state.max = state.retry = null;
    }

    function onEdit() {
      state.edits += 1;
      state.dirty = true;
      var copy = snapshot();
      if (isEmpty(copy)) forget(state.writer);
      else keep(copy);
      clearTimeout(state.idle);
      state.idle = setTimeout(save, IDLE_MS);
      if (!state.max) state.max = setTimeout(save, MAX_MS);
    }

    function adopt(data) {
      if (state.saveUrl === "" || data.version > state.version) state.version = data.version;
      if (!state.saveUrl) {
        state.entryId = String(data.id);
        state.saveUrl = data.url;
        form.setAttribute("action", data.url);
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", data.url);
        }
      }
      var versionInput = form.elements.version;
      if (versionInput) versionInput.value = String(state.version);
    }

    function handle(result, copy, editsAtSend) {
      if (confirmed(result)) {
        adopt(result.data);
        if (state.edits === editsAtSend) forget(state.writer);
        else keep(snapshot());
        say("Saved at " + result.data.saved_at + ".");
        showNote(result.data.note);
        return;
      }
      if (result.status === 409) {
        if (result.data) showNote(result.data.note);
        state.paused = true;
        clearTimers();
        keep(snapshot());
        showConflict();
        return;
      }
      state.dirty = true;
      if (result.status === 400) {
        var reasons = result.data && result.data.messages ? result.data.messages : [];
        state.dirty = false;  // wait for the next change rather than repeat the same problem
        say("Not saved yet. " + reasons.join(" "));
        return;
      }
      if (result.status === 401 || result.status === 403) {
        say("Not saved: this page needs a fresh start (you may have been logged out). Your " +
            "words are kept on this device and are sent when you next open your journal.");
        return;
      }
      say("Not saved just now. Your words are kept on this device; we'll try again.");
      state.retry = setTimeout(save, RETRY_MS);
    }

    function save() {
      clearTimers();
      if (state.paused || !state.dirty) return;
      if (state.inFlight) {
        state.again = true;
        return;
      }
      var copy = snapshot();
      if (isEmpty(copy)) {
        state.dirty = false;
        return;
      }
      var editsAtSend = state.edits;
      state.nextSeq += 1;
      state.dirty = false;
      state.inFlight = true;
      send(copy, false)
        .then(
          function (result) { handle(result, copy, editsAtSend); },
          function () {
            state.dirty = true;
            say("Offline for now. Your words are kept on this device and will be sent " +
                "when the connection is back.");
            state.retry = setTimeout(save, RETRY_MS);
          }
        )
        .then(function () {
          state.inFlight = false;
          var typedSince = state.again || state.edits !== editsAtSend;
          state.again = false;
          if (typedSince && !state.paused && !state.retry && !state.idle) {
            state.dirty = true;
            state.idle = setTimeout(save, 500);
          }
        });
    }

    // Leaving or hiding the page: send what hasn't been confirmed, without waiting.
    function flush() {
      if (state.paused || (!state.dirty && !state.inFlight)) return;
      var copy = snapshot();
      if (isEmpty(copy)) return;
      keep(copy);
      var editsAtSend = state.edits;
      state.nextSeq += 1;
      state.dirty = false;
      clearTimers();
      try {
        send(copy, true).then(
          function (result) { handle(result, copy, editsAtSend); },
          function () { state.dirty = true; }
        );
      } catch (e) {
        if (navigator.sendBeacon) navigator.sendBeacon(copy.saveUrl || createUrl, formData(copy));
      }
    }

    function showConflict() {
      say("Not saved: this entry changed somewhere else.");
      if (!conflictBox) return;
      conflictBox.hidden = false;
      conflictBox.scrollIntoView({ block: "nearest" });
    }

    if (conflictBox) {
      conflictBox.querySelector("[data-journal-keep-both]").addEventListener("click", function () {
        keepAsNew(snapshot());
      });
      conflictBox.querySelector("[data-journal-reload]").addEventListener("click", function () {
        forget(state.writer);
        state.paused = true;
        window.location.assign(state.saveUrl || window.location.href);
      });
    }

    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (submitter && submitter.hasAttribute("formaction")) {
        state.paused = true;  // a plain-form choice ("keep both" after a plain conflict)
        forget(state.writer);
        return;
      }
      event.preventDefault();
      if (state.paused) {
        showConflict();
        return;
      }
      state.dirty = true;
      save();
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") flush();
    });
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", function () {
      if (state.dirty) save();
    });
  }

  var form = document.querySelector("[data-journal-editor]");
  var editor = form ? new Editor(form) : null;
  recover(editor);
})();
