/* Caption workspace enhancements. Every button here also works without JavaScript:
   it is a real submit button the server understands; this script only makes it instant. */
(function () {
  "use strict";

  var form = document.getElementById("draft-form");

  function announce(text) {
    document.querySelectorAll(".copy-status").forEach(function (el) {
      el.textContent = text;
      clearTimeout(el._hookTimer);
      el._hookTimer = setTimeout(function () { el.textContent = ""; }, 2500);
    });
  }

  // The panel refreshes on "input" from the form (htmx, debounced); programmatic edits fire it too.
  function changed(field) {
    field.dispatchEvent(new Event("input", { bubbles: true }));
    updateCounters();
  }

  function insertAtCursor(field, text) {
    var value = field.value;
    var start = typeof field.selectionStart === "number" && document.activeElement === field ? field.selectionStart : value.length;
    var end = typeof field.selectionEnd === "number" && document.activeElement === field ? field.selectionEnd : value.length;
    var before = value.slice(0, start);
    var after = value.slice(end);
    var pad = before && !/\s$/.test(before) ? " " : "";
    var tail = after && !/^\s/.test(after) ? " " : "";
    field.value = before + pad + text + tail + after;
    var caret = (before + pad + text).length;
    field.focus();
    try { field.setSelectionRange(caret, caret); } catch (e) { /* some inputs refuse */ }
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for plain-http origins: a hidden textarea and execCommand.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  var TAG_CAP = 5;

  function toggleTagLocally(tag) {
    var field = document.getElementById("id_hashtags");
    if (!field || !tag) { return; }
    var tags = field.value.split(/[\s,;#]+/).filter(Boolean);
    var lower = tags.map(function (t) { return t.toLowerCase(); });
    var at = lower.indexOf(tag.toLowerCase());
    if (at !== -1) {
      tags.splice(at, 1);
    } else if (tags.length < TAG_CAP) {
      tags.push(tag);
    } else {
      return; // the server answers with the reason
    }
    field.value = tags.map(function (t) { return "#" + t; }).join(" ");
  }

  function updateCounters() {
    document.querySelectorAll("[data-count-words]").forEach(function (el) {
      var field = document.getElementById(el.getAttribute("data-count-words"));
      if (!field) { return; }
      var limit = parseInt(el.getAttribute("data-limit"), 10);
      var n = field.value.trim() ? field.value.trim().split(/\s+/).length : 0;
      el.textContent = n + " word" + (n === 1 ? "" : "s");
      el.classList.toggle("over", n > limit);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }

    if (button.hasAttribute("data-insert")) {
      var field = document.getElementById(button.getAttribute("data-field"));
      if (!field) { return; }
      event.preventDefault();
      insertAtCursor(field, button.getAttribute("data-insert"));
      changed(field);
      announce("Inserted “" + button.getAttribute("data-insert") + "”.");
      return;
    }

    if (button.hasAttribute("data-use-draft")) {
      var caption = document.getElementById("id_caption");
      var hashtags = document.getElementById("id_hashtags");
      if (!caption) { return; }
      event.preventDefault();
      caption.value = button.getAttribute("data-body");
      if (hashtags && button.getAttribute("data-tags")) { hashtags.value = button.getAttribute("data-tags"); }
      var hook = document.getElementById("id_hook");
      if (hook && !hook.value.trim() && button.getAttribute("data-hook")) { hook.value = button.getAttribute("data-hook"); }
      changed(caption);
      caption.focus();
      caption.scrollIntoView({ behavior: "smooth", block: "center" });
      announce("Draft copied into your caption. Save to keep it.");
      return;
    }

    if (button.name === "toggle_tag" && button.hasAttribute("hx-post")) {
      // htmx has already sent the toggle with the values as they were; reflect it in the field
      // at once, so a request sent before the answer arrives carries the new set too.
      toggleTagLocally(button.value);
      return;
    }

    if (button.hasAttribute("data-copy") || button.hasAttribute("data-copy-final")) {
      event.preventDefault();
      // The final caption is the server's (the panel refresh renders it): no hashtag rule lives here.
      var text = button.hasAttribute("data-copy") ? button.getAttribute("data-copy")
        : (document.getElementById("final-caption-text") || {}).textContent || "";
      copy(text).then(function () { announce("Caption copied to the clipboard."); },
        function () { announce("Could not copy: select the text and copy it yourself."); });
    }
  });

  // JavaScript is here: show the copy buttons, hide what only the no-JS page needs.
  document.querySelectorAll("[data-copy], [data-copy-final]").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll("[data-nojs-only]").forEach(function (el) { el.hidden = true; });

  if (form) {
    form.addEventListener("input", updateCounters);
    updateCounters();
    var panel = document.getElementById("assistant-panel");
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      if (panel && (event.target === panel || panel.contains(event.target) || form.contains(event.target))) {
        panel.setAttribute("aria-busy", "true");
      }
    });
    document.body.addEventListener("htmx:afterSettle", function () {
      if (panel) { panel.setAttribute("aria-busy", "false"); }
    });

    // A tag chip that has keyboard focus is replaced when the panel (and the chosen tags beside
    // the form) swap, and focus would fall to <body>: put it back on the same tag's chip, in the
    // same place if it is still there, so choosing five tags by keyboard takes five presses.
    var focusedChip = null;
    function chipsIn(container) {
      return container ? Array.prototype.slice.call(container.querySelectorAll("button[name='toggle_tag']")) : [];
    }
    document.body.addEventListener("htmx:beforeSwap", function () {
      var active = document.activeElement;
      if (!active || active.name !== "toggle_tag") { return; }
      var container = active.closest("#assistant-panel, #chosen-tags");
      if (container) {
        focusedChip = { value: active.value, where: container.id, index: chipsIn(container).indexOf(active) };
      }
    });
    document.body.addEventListener("htmx:afterSettle", function () {
      var wanted = focusedChip;
      if (!wanted || (document.activeElement && document.activeElement !== document.body)) { return; }
      focusedChip = null;
      var home = document.getElementById(wanted.where);
      var sameTag = function (b) { return b.value === wanted.value; };
      // The same tag where it was; else its neighbour there (a tag removed from the chosen list);
      // else the same tag elsewhere; else the hashtags field.
      var chip = chipsIn(home).filter(sameTag)[0]
        || chipsIn(home)[Math.min(wanted.index, chipsIn(home).length - 1)]
        || chipsIn(panel).filter(sameTag)[0]
        || document.getElementById("id_hashtags");
      if (chip) { chip.focus(); }
    });
  }
})();
