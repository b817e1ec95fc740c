// Makes glossary terms reachable by keyboard, so their explanation shows on focus as well as on hover.
(function () {
  "use strict";

  function enhance() {
    document.querySelectorAll(".md-content abbr[title]:not([tabindex])").forEach(function (term) {
      term.setAttribute("tabindex", "0");
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
