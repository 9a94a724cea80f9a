/* Drag and drop on the posting calendar (native HTML5 DnD, no library).
 *
 * Drop a part chip ([data-move-url]) on another day ([data-date]) and this posts the new
 * date to the part's move URL with the CSRF token; the server keeps the part's local time,
 * moves only that part and answers with the re-rendered #calendar region (also on a
 * refused move, with the reason, and before a move that would break the series' order,
 * with the choices), which replaces the old one.
 * Without JavaScript (or by keyboard) every chip has a "Move" link to a plain form.
 * Listeners sit on the document, so they survive htmx swapping #calendar.
 */
(function () {
  "use strict";

  var dragged = null;

  function region() {
    return document.getElementById("calendar");
  }

  function csrfToken() {
    // base.html puts the token in hx-headers on <body> for htmx; reuse it.
    try {
      var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      if (headers["X-CSRFToken"]) return headers["X-CSRFToken"];
    } catch (e) { /* fall through to the cookie */ }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function announce(text) {
    var live = document.querySelector("[data-cal-live]");
    if (live) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = text; }, 50);
    }
  }

  function dayOf(node) {
    return node && node.closest ? node.closest("#calendar [data-date]") : null;
  }

  function clearTargets() {
    document.querySelectorAll(".cal-day.is-drop-target").forEach(function (el) {
      el.classList.remove("is-drop-target");
    });
  }

  function swapIn(html) {
    var old = region();
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.querySelector("#calendar");
    if (!old || !fresh) return false;
    var title = template.content.querySelector("title");
    if (title) document.title = title.textContent;
    old.replaceWith(fresh);
    if (window.htmx) window.htmx.process(fresh);
    var message = fresh.querySelector(".cal-message");
    if (message) announce(message.textContent.trim());
    return true;
  }

  function movePart(chip, date) {
    var cal = region();
    var body = new FormData();
    body.append("date", date);
    body.append("view", cal.dataset.view);
    body.append(cal.dataset.view, cal.dataset.param);
    cal.setAttribute("aria-busy", "true");
    fetch(chip.dataset.moveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true", "HX-Current-URL": window.location.href },
    })
      .then(function (response) {
        return response.text().then(function (html) {
          // 200: moved; 422: refused with a reason; 409: not moved yet, the order question.
          // All three carry the calendar region.
          var answered = response.ok || response.status === 422 || response.status === 409;
          if (answered && swapIn(html)) return;
          throw new Error("HTTP " + response.status);
        });
      })
      .catch(function () {
        announce("The part could not be moved: the server did not answer. Reload the page and try again.");
        var current = region();
        if (current) current.removeAttribute("aria-busy");
      });
  }

  // htmx leaves 4xx answers unswapped; the calendar's refusals (422) and the order question
  // (409) are pages to show, after an Undo or an order choice as after a drop.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ((status === 409 || status === 422) && event.detail.target && event.detail.target.id === "calendar") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("dragstart", function (event) {
    var chip = event.target.closest ? event.target.closest("#calendar [data-move-url]") : null;
    if (!chip) return;
    dragged = chip;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", chip.dataset.partId);
    chip.classList.add("is-dragging");
    region().classList.add("is-dragging-part");
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("is-dragging");
    var cal = region();
    if (cal) cal.classList.remove("is-dragging-part");
    clearTargets();
    dragged = null;
  });

  // Past days refuse the drop up front (the server would too: a slot cannot be in the past).
  function droppable(day) {
    return day && !day.classList.contains("is-past");
  }

  document.addEventListener("dragover", function (event) {
    var day = dayOf(event.target);
    if (!dragged || !droppable(day)) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = "move";
    if (!day.classList.contains("is-drop-target")) {
      clearTargets();
      day.classList.add("is-drop-target");
    }
  });

  document.addEventListener("dragleave", function (event) {
    var day = dayOf(event.target);
    if (day && !day.contains(event.relatedTarget)) day.classList.remove("is-drop-target");
  });

  document.addEventListener("drop", function (event) {
    var day = dayOf(event.target);
    if (!dragged || !droppable(day)) return;
    event.preventDefault();
    var chip = dragged;
    var from = dayOf(chip);
    clearTargets();
    if (from && from.dataset.date === day.dataset.date) return;
    movePart(chip, day.dataset.date);
  });
})();
