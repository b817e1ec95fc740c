// Keyboard help: glossary terms show their meaning on focus, the skip link moves focus to the
// content, wide tables scroll from the keyboard, and narrow screens' menu and search are buttons
// (the menu opening at its top).
(function () {
  "use strict";

  function enhanceTerms() {
    document.querySelectorAll(".md-content abbr[title]:not([tabindex])").forEach(function (term) {
      term.setAttribute("tabindex", "0");
    });
  }

  // Following a link to a heading only scrolls; focusing it makes screen readers start there.
  // The link is not followed: the theme's instant navigation would redraw the page on the new
  // address and drop the focus.
  function focusSkipTarget(event) {
    var link = event.target.closest && event.target.closest("a.md-skip");
    var target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  // A table wider than the screen scrolls sideways: the keyboard must reach it to scroll it.
  function enhanceWideTables() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", headingBefore(wrap));
    });
  }

  function headingBefore(node) {
    for (; node && !node.classList.contains("md-content__inner"); node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev.textContent.trim();
      }
    }
    return "Table";
  }

  // On narrow screens the theme's menu and search buttons are <label>s of its checkboxes: a tap
  // works, but Tab skips them and a <label> may not act as a button. Each label gets a real
  // button drawn over it (guide.css); taps still reach the label until the button has focus.
  function addHeaderButton(id, name, focusOnOpen) {
    var toggle = document.getElementById(id);
    var label = document.querySelector(".md-header label.md-header__button[for='" + id + "']");
    if (!toggle || !label || label.parentElement.classList.contains("header-toggle")) return;
    var holder = document.createElement("span");
    var button = document.createElement("button");
    holder.className = "header-toggle";
    holder.setAttribute("data-toggle", id);
    button.type = "button";
    button.className = "md-header__button md-icon";
    button.setAttribute("aria-label", name);
    button.innerHTML = label.innerHTML;
    label.setAttribute("aria-hidden", "true");
    label.replaceWith(holder);
    holder.append(label, button);
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("focus", sync);  // the theme also opens and closes it without events
    button.addEventListener("click", function () {
      toggle.click();
      var target = toggle.checked && document.querySelector(focusOnOpen);
      if (target) target.focus();
    });
    // Escape closes it and gives focus back to the button (captured: before the theme's own).
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked || !button.getClientRects().length) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      button.focus();
    }, true);
  }

  // On a narrow screen the theme opens its menu inside the current page's section; a worried
  // reader needs the whole menu first, so it opens at its top (the section still shows as current).
  function menuFromTheTop() {
    var drawer = document.getElementById("__drawer");
    if (!drawer || drawer.hasAttribute("data-from-top")) return;
    drawer.setAttribute("data-from-top", "");
    drawer.addEventListener("change", function () {
      if (!drawer.checked) return;
      document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked").forEach(function (toggle) {
        toggle.checked = false;
      });
    });
  }

  // The body map's buttons light up their place on the picture of the legs beside them.
  function pointAtPlaces() {
    document.querySelectorAll(".body-map__list a[data-region]").forEach(function (button) {
      var place = document.querySelector(".body-map__region[data-region='" + button.getAttribute("data-region") + "']");
      if (!place || button.hasAttribute("data-pointing")) return;
      button.setAttribute("data-pointing", "");
      var light = function (on) { return function () { place.classList.toggle("is-pointed", on); }; };
      ["mouseenter", "focus"].forEach(function (name) { button.addEventListener(name, light(true)); });
      ["mouseleave", "blur"].forEach(function (name) { button.addEventListener(name, light(false)); });
    });
  }

  function enhance() {
    enhanceTerms();
    enhanceWideTables();
    addHeaderButton("__drawer", "Menu", ".md-sidebar--primary a[href]");
    addHeaderButton("__search", "Search", ".md-search__input");
    menuFromTheTop();
    pointAtPlaces();
  }

  document.addEventListener("click", focusSkipTarget, true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
