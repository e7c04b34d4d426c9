// timeline serve: reload this page after a rebuild; show build errors over it.
// Added by the dev server to the HTML it serves; never part of the built site.
(function () {
  "use strict";
  var served = window.__timelineServed;
  var events = document.getElementById("timeline-live-reload").getAttribute("data-events");
  var NAME = "timeline-live-reload";
  var channel = "BroadcastChannel" in window ? new BroadcastChannel(NAME) : null;
  var overlay = null;

  function showErrors(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "timeline-error-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:70vh;overflow:auto;" +
        "margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;border-bottom:4px solid #e5484d;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;text-align:left";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "Build failed: the site below is the last good build.";
    title.style.cssText = "display:block;margin-bottom:.5rem;color:#ffb4b4;font-size:15px";
    overlay.appendChild(title);
    errors.forEach(function (e) {
      var line = document.createElement("div");
      line.textContent = e.file + ": " + e.message;   // text, never markup: messages quote user files
      overlay.appendChild(line);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "position:absolute;top:.4rem;right:.6rem;background:none;border:0;color:#fff;font-size:20px;cursor:pointer";
    close.onclick = function () { overlay.style.display = "none"; };
    overlay.appendChild(close);
    overlay.style.display = "block";
  }

  function hideErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function apply(state) {
    if (!state.ok) { showErrors(state.errors); return; }
    if (state.build !== served.build) { location.reload(); return; }
    hideErrors();
  }

  function listen(onClose) {
    var source = new EventSource(events);
    source.onmessage = function (message) {
      var state = JSON.parse(message.data);
      if (channel) channel.postMessage(state);
      apply(state);
    };
    return source;
  }

  if (channel) channel.onmessage = function (message) { apply(message.data); };
  if (!served.ok) showErrors(served.errors);

  if (channel && navigator.locks) {
    // one stream for all the site's tabs: the lock holder listens, the others hear it on the channel
    navigator.locks.request(NAME, function () {
      listen();
      return new Promise(function () {});   // held until this page goes away
    });
  } else {
    // no Web Locks (not a secure context): a stream per tab, open only while the tab is visible
    var source = null;
    var sync = function () {
      if (document.visibilityState === "visible" && !source) source = listen();
      else if (document.visibilityState !== "visible" && source) { source.close(); source = null; }
    };
    document.addEventListener("visibilitychange", sync);
    sync();
  }
})();
