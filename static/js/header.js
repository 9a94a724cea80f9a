// Keeps --header-height equal to the sticky header's height, so that scroll-padding-top
// (hookline.css) stops focused elements below it however the navigation wraps.
(function () {
  "use strict";
  const header = document.querySelector(".site-header");
  if (!header || !("ResizeObserver" in window)) return;
  const root = document.documentElement;
  new ResizeObserver(function () {
    root.style.setProperty("--header-height", header.getBoundingClientRect().height + "px");
  }).observe(header);
})();
