// fulcrum dashboard: live country search, text-span selection for adding
// missed events, and upload progress on the ingest page. Every page works
// without this script.
(function () {
  "use strict";

  // Overview: filter the table while typing.
  var q = document.getElementById("q");
  var table = document.getElementById("countries");
  if (q && table) {
    q.addEventListener("input", function () {
      var needle = q.value.trim().toLowerCase();
      table.querySelectorAll("tbody tr[data-search]").forEach(function (tr) {
        tr.hidden = needle !== "" && tr.dataset.search.toLowerCase().indexOf(needle) < 0;
      });
    });
  }

  // Document page: scroll the highlighted evidence into view, and turn a
  // selection into byte offsets of the document's text.
  var focus = document.querySelector("mark.focus");
  if (focus) { focus.scrollIntoView({block: "center"}); }
  var text = document.getElementById("doctext");
  var start = document.getElementById("span-start");
  var end = document.getElementById("span-end");
  var enc = new TextEncoder();
  function byteOffset(node, offset) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    while (el && el !== text && !el.hasAttribute("data-s")) { el = el.parentElement; }
    if (!el || el === text) { return -1; }
    var r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(node, offset);
    return parseInt(el.getAttribute("data-s"), 10) + enc.encode(r.toString()).length;
  }
  if (text && start && end) {
    document.addEventListener("selectionchange", function () {
      var sel = document.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
      var r = sel.getRangeAt(0);
      if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) { return; }
      var s = byteOffset(r.startContainer, r.startOffset);
      var e = byteOffset(r.endContainer, r.endOffset);
      if (s < 0 || e <= s) { return; }
      start.value = s;
      end.value = e;
      document.getElementById("span-text").textContent = sel.toString();
    });
  }

  // Ingest page: upload with a progress bar, then show the result.
  var form = document.getElementById("ingest-form");
  if (form && window.XMLHttpRequest) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var bar = document.getElementById("ingest-progress");
      var status = document.getElementById("ingest-status");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      bar.hidden = false;
      bar.value = 0;
      status.textContent = "uploading…";
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      };
      xhr.upload.onload = function () { bar.value = 100; status.textContent = "coding and storing…"; };
      xhr.onload = function () {
        var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
        var res = doc.getElementById("ingest-result") || doc.getElementById("error-message");
        var out = document.getElementById("ingest-result");
        out.replaceChildren();
        if (res) { out.appendChild(document.importNode(res, true)); }
        status.textContent = xhr.status < 300 ? "done" : "failed (" + xhr.status + ")";
      };
      xhr.onerror = function () { status.textContent = "network error"; };
      xhr.send(new FormData(form));
    });
  }
})();
