// Small enhancements for the practices. Every page works without this file: the pause guide
// is a CSS sequence with plain words, and the timer page reads as plain steps.
(function () {
  "use strict";

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function restartAnimations(root) {
    if (reduceMotion) return;
    var moving = root.querySelectorAll(".pause-circle, .pause-steps li");
    Array.prototype.forEach.call(moving, function (el) {
      el.style.animation = "none";
      void el.offsetWidth; // let the browser see it stop, so the animation starts again
      el.style.animation = "";
    });
  }

  // Pause: a real five-second countdown beside the breathing circle.
  function setUpPause(guide) {
    var count = guide.querySelector("[data-pause-count]");
    var again = guide.querySelector("[data-pause-again]");
    var timer = null;

    function run() {
      var started = Date.now();
      if (timer) window.clearInterval(timer);
      restartAnimations(guide); // "again" stays where it is, so focus is never lost
      count.textContent = "5";
      timer = window.setInterval(function () {
        var left = 5 - Math.floor((Date.now() - started) / 1000);
        if (left > 0) {
          count.textContent = String(left);
        } else {
          window.clearInterval(timer);
          timer = null;
          count.textContent = "";
          if (again) again.hidden = false;
        }
      }, 200);
    }

    if (again) again.addEventListener("click", run);
    run();
  }

  // Time together: a ten-minute countdown, kept honest by the clock rather than by ticks.
  function setUpTimer(box) {
    var total = parseInt(box.getAttribute("data-minutes"), 10) * 60 || 600;
    var clock = box.querySelector("[data-timer-clock]");
    var end = box.querySelector("[data-timer-end]");
    var start = box.querySelector("[data-timer-start]");
    var stop = box.querySelector("[data-timer-stop]");
    var done = document.querySelector("[data-timer-done]");
    var timer = null;
    var endsAt = 0;

    function show(seconds) {
      var m = Math.floor(seconds / 60);
      var s = seconds % 60;
      clock.textContent = m + ":" + (s < 10 ? "0" : "") + s;
    }

    function tick() {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      show(left);
      if (left === 0) {
        halt();
        end.textContent = "Ten minutes. Time well given. Tap “We did it” whenever you're ready.";
        if (done) done.focus();
      }
    }

    function halt() {
      if (timer) window.clearInterval(timer);
      timer = null;
      stop.hidden = true;
      start.hidden = false;
    }

    start.addEventListener("click", function () {
      endsAt = Date.now() + total * 1000;
      end.textContent = "";
      start.hidden = true;
      stop.hidden = false;
      start.textContent = "Start again";
      show(total);
      timer = window.setInterval(tick, 250);
      stop.focus(); // the button pressed is hidden now; keep the keyboard in the timer
    });
    stop.addEventListener("click", function () {
      halt();
      end.textContent = "Stopped. Start again whenever you like.";
      start.focus();
    });
    box.hidden = false;
  }

  function init() {
    var guide = document.querySelector("[data-pause-guide]");
    if (guide) setUpPause(guide);
    var box = document.querySelector("[data-timer]");
    if (box) setUpTimer(box);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
