// The symptom guide, one question at a time. The tree comes from symptom-guide-tree.js, which
// the guide's page loads before this script (window.symptomGuideTree, written by the build); the
// page's no-JavaScript list is hidden. The answers live in the URL (#answers=0.1.0).
(function () {
  "use strict";
  var KEY = "answers=";
  var SITE = new URL("../../", document.currentScript.src);  // this file is in assets/javascripts/
  var lastPage = null;  // the same page set up again means instant navigation redrew it: keep focus

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function answersInUrl() {
    var hash = location.hash.slice(1);
    if (hash.indexOf(KEY) !== 0) return [];
    return hash.slice(KEY.length).split(".").filter(Boolean).map(Number);
  }

  // A link from the site's root (as the tree has them), relative to this page, as mkdocs writes
  // links: hosted under any path and from file:// alike.
  function fromHere(url) {
    var depth = location.pathname.slice(SITE.pathname.length).split("/").length - 1;
    var up = new Array(depth + 1).join("../");
    return url === "./" ? up || "./" : up + url;
  }

  function setup() {
    var redrawn = lastPage === location.pathname;
    lastPage = location.pathname;
    var root = document.getElementById("symptom-guide");
    var fallback = document.getElementById("symptom-guide-fallback");
    var data = window.symptomGuideTree;  // without it (not loaded), the list stays
    if (!root || !fallback || !data || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var tree = data.tree;
    var tiers = JSON.parse(root.getAttribute("data-tiers"));
    var live = el("p", { "class": "visually-hidden", "aria-live": "polite" });
    var stage = el("div");
    var current = "";  // the answers shown now, as in the URL
    root.append(live, stage);

    function numbered(text) {  // the emergency number in place of its name, as on the page
      Object.keys(data.numbered).forEach(function (name) {
        text = text.split(name).join(data.numbered[name]);
      });
      return text;
    }

    function walk(answers) {
      var id = tree.start, taken = [];
      for (var i = 0; i < answers.length; i++) {
        var node = tree.nodes[id];
        var answer = node.kind === "question" && node.answers[answers[i]];
        if (!answer) break;
        taken.push(answers[i]);
        id = answer.next;
      }
      return { id: id, node: tree.nodes[id], answers: taken };
    }

    // Which step each step was reached from in this history; kept here, since the theme
    // replaces history.state with its scroll position.
    var cameFrom = {};

    function go(answers) {
      // pushState, not location.hash: that would make instant navigation fetch the page again
      cameFrom[answers.join(".")] = current;
      history.pushState(null, "", "#" + KEY + answers.join("."));
      render(true);
    }

    function goBack(answers) {
      if (cameFrom[current] === answers.join(".")) history.back();
      else go(answers);
    }

    function question(state, heading) {
      var node = state.node, step = "Question " + (state.answers.length + 1);
      var buttons = el("div", { "class": "symptom-guide__answers" });
      node.answers.forEach(function (answer, index) {
        var button = el("button", { type: "button", "class": "md-button md-button--primary" },
                        answer.label);
        button.addEventListener("click", function () { go(state.answers.concat(index)); });
        buttons.append(button);
      });
      heading.textContent = node.text;
      stage.append(el("p", { "class": "symptom-guide__step" }, step), heading);
      if (node.signs.length) {
        var signs = el("ul", { "class": "symptom-guide__signs" });
        node.signs.forEach(function (sign) { signs.append(el("li", {}, sign.text)); });
        stage.append(signs);
      }
      if (data.help[state.id]) stage.append(el("p", {}, data.help[state.id]));
      stage.append(buttons);
      return step + ": " + node.text;
    }

    function outcome(state, heading) {
      var node = state.node, tier = tiers[node.urgency];
      var card = el("div", { "class": "care-card care-card--" + node.urgency });
      var label = el("p", { "class": "care-card__label" });
      label.append(el("span", { "class": "visually-hidden" }, tier[0] + " "), tier[1]);
      var action = root.querySelector("template[data-urgency='" + node.urgency + "']");
      heading.textContent = numbered(node.title);
      card.append(label, heading, el("p", {}, numbered(node.text)));
      if (action) card.append(action.content.cloneNode(true));
      var list = el("ul");
      node.links.forEach(function (url) {
        var item = el("li");
        item.append(el("a", { href: fromHere(url) }, data.titles[url]));
        list.append(item);
      });
      if (node.links.length) card.append(el("p", {}, "Read more:"), list);
      stage.append(card);
      return tier[1] + ": " + heading.textContent;
    }

    function render(moveFocus) {
      var state = walk(answersInUrl());
      var heading = el("h2", { tabindex: "-1", id: "symptom-guide-step" });
      current = state.answers.join(".");
      stage.textContent = "";
      var said = (state.node.kind === "question" ? question : outcome)(state, heading);
      if (state.answers.length) {
        var back = el("button", { type: "button" }, "Back");
        back.addEventListener("click", function () { goBack(state.answers.slice(0, -1)); });
        var restart = el("button", { type: "button" }, "Start again");
        restart.addEventListener("click", function () { go([]); });
        var nav = el("p", { "class": "symptom-guide__nav" });
        nav.append(back, restart);
        stage.insertBefore(nav, stage.firstChild);
      }
      if (moveFocus) {
        live.textContent = said;
        heading.focus();
      }
    }

    function onPopState() {
      if (!document.body.contains(root)) {
        window.removeEventListener("popstate", onPopState);
        return;
      }
      if (answersInUrl().join(".") === current) return;  // a link to a heading: stay put
      render(true);
    }

    window.addEventListener("popstate", onPopState);
    fallback.hidden = true;
    root.hidden = false;
    render(redrawn);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
