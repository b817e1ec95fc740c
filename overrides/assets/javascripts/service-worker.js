/* Keep the hosted guide working without a network: register its service worker (sw.js at the
   site's root, written at build time by Workbox). A new version waits until the reader chooses to
   reload, so a page is never half old and half new. The live preview removes any service worker,
   so editors never see stale pages. Not in the offline bundle (no service worker on file://). */
(() => {
  "use strict"
  const script = document.currentScript
  if (!("serviceWorker" in navigator) || location.protocol === "file:")
    return
  const root = new URL("../../", script.src)
  if (script.hasAttribute("data-preview")) {
    navigator.serviceWorker.getRegistrations().then(registrations =>
      registrations.forEach(registration => registration.unregister()))
    return
  }
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname })
    .then(registration => {
      if (registration.waiting && navigator.serviceWorker.controller)
        offer(registration.waiting)
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller)
            offer(worker)
        })
      })
    })
    .catch(() => {})  // no service worker: the guide works online as before

  // "This guide has been updated": reloading starts the new version for every page at once
  function offer(worker) {
    if (document.getElementById("guide-updated"))
      return
    const notice = document.createElement("div")
    notice.id = "guide-updated"
    notice.className = "guide-updated"
    notice.setAttribute("role", "status")
    const button = document.createElement("button")
    button.type = "button"
    button.textContent = "Reload"
    button.addEventListener("click", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload())
      worker.postMessage({ type: "SKIP_WAITING" })
    })
    notice.append("This guide has been updated. ", button)
    document.body.append(notice)
  }
})()
