// Neighbor Chat in the browser: real time over WebSocket, and nothing lost.
//
// - Every message gets a client_id (a random UUID) when it is written, and waits in
//   sessionStorage until the server acknowledges it: a dropped connection or a reload
//   resends it, and the server never saves the same client_id twice.
// - The socket opens with ?after=<the last seq on the page>, so the server sends what was
//   missed, in order. A gap in the numbers asks for the rest; a repeat is ignored.
// - It reconnects with a growing pause. When WebSocket can't connect at all, the page
//   falls back to ordinary requests: POST to send, and asking for new messages every few
//   seconds (it keeps trying the socket now and then, and moves back when it works).
// Without JavaScript the page is a plain form with a refresh link.
(function () {
  "use strict";

  var root = document.querySelector("[data-chat]");
  if (!root || !window.JSON) return;

  var id = root.getAttribute("data-conversation");
  var role = root.getAttribute("data-role");
  var status = root.getAttribute("data-status");
  var lastSeq = parseInt(root.getAttribute("data-last-seq"), 10) || 0;
  var wsPath = root.getAttribute("data-ws-path");
  var sendUrl = root.getAttribute("data-send-url");
  var messagesUrl = root.getAttribute("data-messages-url");
  var maxBytes = parseInt(root.getAttribute("data-max-bytes"), 10) || 4096;

  var transcript = root.querySelector("[data-transcript]");
  var form = root.querySelector("[data-compose]");
  var field = form ? form.querySelector("[data-body]") : null;
  var problem = form ? form.querySelector("[data-compose-problem]") : null;
  var statusLine = root.querySelector("[data-chat-status]");
  var careBox = root.querySelector("[data-care]");
  var csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  var csrf = csrfInput ? csrfInput.value : "";

  var POLL_MS = 3000;
  var HEARTBEAT_MS = 25000;
  var RETRY_RATE_MS = 5000;
  var SOCKET_FAILURES_BEFORE_POLLING = 3;

  var storeKey = "nearer-chat:" + id;
  var pending = loadPending(); // client_id -> {body: "...", sentAt: ms or 0}
  var socket = null;
  var opened = false;
  var failures = 0;
  var polling = false;
  var pollTimer = null;
  var reconnectTimer = null;
  var stopped = false;
  var resumeAsked = false;

  // --- small helpers -----------------------------------------------------------------------

  function uuid4() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); });
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") +
      "-" + h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }

  function utf8Length(text) {
    if (window.TextEncoder) return new TextEncoder().encode(text).length;
    return unescape(encodeURIComponent(text)).length;
  }

  function store() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function loadPending() {
    var s = store();
    if (!s) return {};
    try { return JSON.parse(s.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }

  function savePending() {
    var s = store();
    if (!s) return;
    try {
      if (Object.keys(pending).length) s.setItem(storeKey, JSON.stringify(pending));
      else s.removeItem(storeKey);
    } catch (e) { /* storage full or off: the message still waits in memory */ }
  }

  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function showProblem(text) {
    if (!problem) { say(text); return; }
    problem.textContent = text;
    problem.hidden = false;
  }

  function hideProblem() {
    if (problem) { problem.hidden = true; problem.textContent = ""; }
  }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 160;
  }

  // --- the transcript ----------------------------------------------------------------------

  function bubble(m, isPending) {
    var li = document.createElement("li");
    var mine = isPending || m.mine;
    li.className = "chat-msg chat-from-" + m.author + (mine ? " chat-mine" : "") +
      (isPending ? " chat-pending" : "");
    li.setAttribute("data-client-id", m.client_id);
    if (!isPending) li.setAttribute("data-seq", String(m.seq));
    var body = document.createElement("p");
    body.className = "chat-body";
    body.textContent = m.body;
    if (m.author !== "system") {
      var meta = document.createElement("p");
      meta.className = "chat-meta";
      var name = document.createElement("span");
      name.className = "chat-name";
      name.textContent = mine ? "You" : m.name;
      meta.appendChild(name);
      meta.appendChild(document.createTextNode(" "));
      if (isPending) {
        var note = document.createElement("span");
        note.className = "chat-sending";
        note.textContent = "Sending…";
        meta.appendChild(note);
      } else {
        var when = document.createElement("time");
        when.setAttribute("datetime", m.created_at);
        when.textContent = new Date(m.created_at).toLocaleTimeString([], {
          hour: "2-digit", minute: "2-digit"
        });
        meta.appendChild(when);
      }
      li.appendChild(meta);
    }
    li.appendChild(body);
    if (!isPending && role === "listener" && m.concern) {
      var refer = document.createElement("p");
      refer.className = "chat-refer";
      refer.textContent = "These words may point to crisis or danger. Stay with them, and " +
        "gently share where to find help now.";
      li.appendChild(refer);
    }
    return li;
  }

  function findByClientId(clientId) {
    var items = transcript.querySelectorAll("li[data-client-id]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-client-id") === clientId) return items[i];
    }
    return null;
  }

  function showPending(clientId, body) {
    if (findByClientId(clientId)) return;
    var stay = nearBottom();
    transcript.appendChild(bubble({ client_id: clientId, author: role, body: body }, true));
    if (stay) transcript.lastChild.scrollIntoView({ block: "end" });
  }

  function receive(m) {
    if (m.seq <= lastSeq) return; // already shown
    if (m.seq > lastSeq + 1) { askForRest(); return; } // a gap: get the rest, in order
    resumeAsked = false;
    var stay = nearBottom();
    var li = bubble(m, false);
    var waiting = findByClientId(m.client_id);
    if (waiting) transcript.replaceChild(li, waiting);
    else transcript.appendChild(li);
    if (pending[m.client_id]) { delete pending[m.client_id]; savePending(); }
    lastSeq = m.seq;
    root.setAttribute("data-last-seq", String(lastSeq));
    if (stay) li.scrollIntoView({ block: "end" });
  }

  function acknowledged(clientId) {
    if (pending[clientId]) { delete pending[clientId]; savePending(); }
    var li = findByClientId(clientId);
    var note = li ? li.querySelector(".chat-sending") : null;
    if (note) note.textContent = "Sent";
  }

  function refused(frame) {
    var clientId = frame.client_id;
    if (clientId && pending[clientId]) {
      if (frame.code === "rate_limited") {
        pending[clientId].sentAt = 0; // send it again shortly
        window.setTimeout(flush, RETRY_RATE_MS);
      } else {
        // Not sendable as it is: give the words back, so nothing written is lost.
        var body = pending[clientId].body;
        delete pending[clientId];
        savePending();
        var li = findByClientId(clientId);
        if (li) li.parentNode.removeChild(li);
        if (field && !field.value) field.value = body;
      }
    }
    showProblem(frame.message);
  }

  // The card (the member's) or the refer prompt (the listener's) for the latest finding: the
  // server draws it from the same template as the page, so a reload shows the same.
  function care(frame) {
    if (!careBox) return;
    if (typeof frame.html === "string" && frame.html) {
      careBox.innerHTML = frame.html;
    } else {
      var text = careBox.querySelector("[data-care-message]");
      if (text && frame.message) text.textContent = frame.message;
    }
    careBox.hidden = false;
  }

  function changed(newStatus) {
    if (newStatus && newStatus !== status) {
      stopped = true;
      savePending();
      window.location.reload(); // the page for the new state (connected, or ended)
    }
  }

  // --- sending -----------------------------------------------------------------------------

  function transmit(clientId) {
    var item = pending[clientId];
    if (!item) return;
    if (socket && socket.readyState === 1) {
      item.sentAt = Date.now();
      socket.send(JSON.stringify({ type: "message", client_id: clientId, body: item.body }));
    } else if (polling) {
      item.sentAt = Date.now();
      post(clientId, item.body);
    } // otherwise it waits: it is sent when the connection is back
  }

  function flush() {
    Object.keys(pending).forEach(function (clientId) {
      if (!pending[clientId].sentAt) transmit(clientId);
    });
  }

  function post(clientId, body) {
    var data = new FormData();
    data.append("client_id", clientId);
    data.append("body", body);
    fetch(sendUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrf }
    }).then(function (response) {
      if (response.status === 404) { gone(4403); return null; }
      return response.json();
    }).then(function (frame) {
      if (!frame) return;
      if (frame.type === "ack") acknowledged(frame.client_id);
      else if (frame.type === "error") refused(frame);
      poll();
    }).catch(function () {
      if (pending[clientId]) pending[clientId].sentAt = 0; // offline: try again later
    });
  }

  if (form && field) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = field.value.replace(/^\s+|\s+$/g, "");
      if (!body) { showProblem("Your message is empty. Please write something first."); return; }
      if (utf8Length(body) > maxBytes) {
        showProblem("That message is too long to send in one go (the limit is about 4,000 " +
          "letters). Could you split it into two or three messages?");
        return;
      }
      hideProblem();
      var clientId = uuid4();
      pending[clientId] = { body: body, sentAt: 0 };
      savePending();
      showPending(clientId, body);
      field.value = "";
      transmit(clientId);
      if (!socket && !polling) say("Not connected just now. Your message will be sent when the connection is back.");
    });
    // Enter sends and Shift+Enter starts a new line, with a keyboard; on a touch screen
    // Enter is a new line and the Send button sends.
    var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    field.addEventListener("keydown", function (event) {
      if (!touch && event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        if (form.requestSubmit) form.requestSubmit();
        else form.dispatchEvent(new Event("submit", { cancelable: true }));
      }
    });
  }

  // --- the socket --------------------------------------------------------------------------

  function askForRest() {
    if (resumeAsked) return;
    resumeAsked = true;
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify({ type: "resume", after: lastSeq }));
    } else {
      poll();
    }
  }

  function gone(code) {
    stopped = true;
    stopPolling();
    if (form) form.hidden = true;
    say(code === 4404 ? "This chat has been deleted." :
      "This chat isn't open to you any more.");
  }

  function connect() {
    if (stopped || !window.WebSocket) return;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var ws;
    try {
      ws = new WebSocket(scheme + window.location.host + wsPath + "?after=" + lastSeq);
    } catch (e) {
      scheduleReconnect();
      return;
    }
    socket = ws;
    opened = false;
    ws.onopen = function () {
      opened = true;
      failures = 0;
      resumeAsked = false;
      stopPolling();
      say("");
      Object.keys(pending).forEach(function (clientId) {
        pending[clientId].sentAt = 0;
        showPending(clientId, pending[clientId].body);
      });
      flush();
    };
    ws.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "message") receive(frame);
      else if (frame.type === "ack") acknowledged(frame.client_id);
      else if (frame.type === "error") refused(frame);
      else if (frame.type === "status") changed(frame.status);
      else if (frame.type === "care") care(frame);
    };
    ws.onclose = function (event) {
      if (socket === ws) socket = null;
      if (event.code === 4403 || event.code === 4404) { gone(event.code); return; }
      Object.keys(pending).forEach(function (clientId) { pending[clientId].sentAt = 0; });
      if (!opened) failures += 1;
      if (failures >= SOCKET_FAILURES_BEFORE_POLLING) startPolling();
      else if (status !== "ended") say("Reconnecting…");
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (stopped || reconnectTimer) return;
    var wait = polling ? 30000 : Math.min(15000, 1000 * Math.pow(2, failures));
    wait += Math.floor(Math.random() * 500);
    reconnectTimer = window.setTimeout(function () {
      reconnectTimer = null;
      connect();
    }, wait);
  }

  // --- without WebSocket -------------------------------------------------------------------

  function poll() {
    if (stopped) return;
    fetch(messagesUrl + "?after=" + lastSeq, {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 404) { gone(4403); return null; }
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) return;
      resumeAsked = false;
      data.messages.forEach(receive);
      if (data.care) care(data.care);
      changed(data.status);
    }).catch(function () { /* offline: the next tick tries again */ });
  }

  function startPolling() {
    if (polling || stopped) return;
    polling = true;
    say("Live updates aren't available here, so new messages are checked every few seconds.");
    poll();
    flush();
    pollTimer = window.setInterval(function () { poll(); flush(); }, POLL_MS);
  }

  function stopPolling() {
    polling = false;
    if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  // --- start -------------------------------------------------------------------------------

  var refresh = root.querySelector("[data-refresh]");
  if (refresh) refresh.hidden = true; // new messages arrive by themselves

  if (status !== "ended") {
    // A reload (or a reopened tab) brings back what was still waiting to be sent.
    Object.keys(pending).forEach(function (clientId) {
      if (status === "active") showPending(clientId, pending[clientId].body);
    });
    if (window.WebSocket) connect();
    else startPolling();
    window.setInterval(function () {
      if (socket && socket.readyState === 1) {
        socket.send(JSON.stringify({ type: "resume", after: lastSeq })); // and keeps it alive
      }
    }, HEARTBEAT_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && !socket && !stopped) {
        if (reconnectTimer) { window.clearTimeout(reconnectTimer); reconnectTimer = null; }
        connect();
      }
    });
  } else if (Object.keys(pending).length) {
    // The chat ended before these were saved: give the words back rather than lose them.
    say("The chat ended before your last message was sent.");
    pending = {};
    savePending();
  }
})();
