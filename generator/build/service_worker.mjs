/* Write the hosted site's two service workers with Workbox (workbox-build, pinned in
   package.json), each with a stand-in for its precache list, which the build fills in
   (service_worker.py): so a build needs neither Node nor Workbox's bundling, and these files
   change only with Workbox or with what follows. Run by `make service-workers`:
       node service_worker.mjs NODE_MODULES OUT_DIR
   writes OUT_DIR/service_worker.everything.js and OUT_DIR/service_worker.core.js.
   - everything: the site precaches every page, the search index, the tree and the assets; a
     navigation that fails (no network) to a page it does not have goes to the offline page.
   - core: for a site too large to download at once, only the core is precached (home, warning
     signs, symptom guide, offline page, search, assets), and other pages are saved as they are
     read; a page not saved, offline, goes to the offline page.
   The offline page is offline/ (the functions below are copied into the worker as written, so
   the path is spelt out). */
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

const [nodeModules, out] = process.argv.slice(2)
const workbox = createRequire(join(nodeModules, "package.json")).resolve("workbox-build")
const { generateSW } = await import(pathToFileURL(workbox).href)
const STAND_IN = "__PRECACHE__"  // as spelt in service_worker.py

const offline = {
  handlerDidError: async ({ request }) => request.mode === "navigate"
    ? Response.redirect(new URL("offline/", self.registration.scope).href, 302) : undefined,
}
const runtimeCaching = {
  everything: {
    urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
    handler: "NetworkOnly",
    options: { plugins: [offline] },
  },
  core: {
    urlPattern: ({ sameOrigin }) => sameOrigin,  // pages read, and their files, for next time
    handler: "NetworkFirst",
    options: { cacheName: "pages-read", plugins: [offline] },
  },
}
for (const [name, caching] of Object.entries(runtimeCaching))
  await generateSW({
    globDirectory: out,
    globPatterns: [],
    additionalManifestEntries: [{ url: STAND_IN, revision: STAND_IN }],
    swDest: join(out, `service_worker.${name}.js`),
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
    directoryIndex: "index.html",
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,  // a new version waits until the reader reloads (service-worker.js asks)
    runtimeCaching: [caching],
  })
