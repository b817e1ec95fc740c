/* Web Workers for the offline bundle: over file:// browsers refuse to start a worker, so this runs
   the worker's script in a hidden iframe instead (mkdocs-material's search needs one). After the
   iframe-worker 1.0.4 shim (MIT licence, below), changed so that the iframe holds
   no inline script, which no build could hash (it names the worker's absolute file path): this
   same file is loaded in the iframe with the worker's address in data-worker, and there it sets
   up the worker's globals. So the bundle's Content-Security-Policy needs no 'unsafe-inline'. */
(() => {
  "use strict"
  const script = document.currentScript
  const worker = script.getAttribute("data-worker")

  if (worker !== null) {  // in the iframe: be the worker's global scope
    window.postMessage = (data, origin) => parent.postMessage(data, origin || "*")
    window.importScripts = (...urls) => urls.reduce((loaded, url) => loaded.then(() =>
      new Promise(resolve => {
        const element = document.createElement("script")
        element.src = url
        element.onload = resolve
        document.body.appendChild(element)
      })), Promise.resolve())
    addEventListener("error", ({ error }) =>
      parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error })))
    return
  }

  const shim = script.src
  const quoted = text => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super()
      this.url = url
      this.m = event => {
        if (event.source !== this.w)
          return
        this.dispatchEvent(new MessageEvent("message", { data: event.data }))
        if (this.onmessage)
          this.onmessage(event)
      }
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`)
          return
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error })
        this.dispatchEvent(event)
        if (this.onerror)
          this.onerror(event)
      }
      const frame = document.createElement("iframe")
      frame.hidden = true
      document.body.appendChild(this.iframe = frame)
      this.w.document.open()
      this.w.document.write(`<html><body><script src="${quoted(shim)}" data-worker="${quoted(url)}">`
        + `<\/script><script src="${quoted(`${url}?${Date.now()}`)}"><\/script></body></html>`)
      this.w.document.close()
      onmessage = this.m
      onerror = this.e
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve
        this.w.onerror = reject
      })
    }

    terminate() {
      this.iframe.remove()
      onmessage = onerror = null
    }

    postMessage(data) {
      this.r.catch().then(() =>
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data }))))
    }

    get w() {
      return this.iframe.contentWindow
    }
  }

  window.IFrameWorker = IFrameWorker
  if (location.protocol === "file:")
    window.Worker = IFrameWorker
})()

/* iframe-worker's licence:

   Copyright (c) 2020-2022 Martin Donath <martin.donath@squidfunk.com>

   Permission is hereby granted, free of charge, to any person obtaining a copy
   of this software and associated documentation files (the "Software"), to
   deal in the Software without restriction, including without limitation the
   rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
   sell copies of the Software, and to permit persons to whom the Software is
   furnished to do so, subject to the following conditions:

   The above copyright notice and this permission notice shall be included in
   all copies or substantial portions of the Software.

   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
   FITNESS FOR A PARTICULAR PURPOSE AND NON-INFRINGEMENT. IN NO EVENT SHALL THE
   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
   LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
   FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
   IN THE SOFTWARE.
*/
