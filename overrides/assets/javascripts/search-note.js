/* "Showing results for ...": when the search worker (generator/hooks/search_worker.js) replaces a
   misspelt word, it says what it searched for, and this shows it above the results. It runs
   before the theme's bundle, so the search worker the theme starts passes its notes on. */
(() => {
  "use strict"
  const Base = window.Worker
  if (typeof Base !== "function")
    return
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ({ data }) => {
        if (data && data.type === "guide:search-note")
          show(data.data)
      })
    }
  }

  function show(note) {
    const meta = document.querySelector(".md-search-result__meta")
    if (!meta)
      return
    let line = document.getElementById("search-note")
    if (!line) {
      line = document.createElement("p")
      line.id = "search-note"
      line.className = "search-note"
      line.setAttribute("role", "status")
      meta.after(line)
    }
    line.replaceChildren()
    line.dataset.query = note.query === null ? "" : note.query  // what the results are for
    line.hidden = !note.showing
    if (!line.hidden) {
      const words = document.createElement("strong")
      words.textContent = note.showing
      line.append("Showing results for ", words)
    }
  }
})()
