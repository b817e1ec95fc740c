/* Write the hosted site's service worker with Workbox (workbox-build, pinned in package.json).
   Reads {site, node_modules, core_only_above} as JSON on stdin: the built site's folder, the
   node_modules folder that holds workbox-build (the build may run from a copy of the generator),
   and the precache size in bytes above which only the core is precached.
   - Precached, each file with a revision hash: every page, the search index, the tree and the
     assets; or, for a site too large to download at once, only the core (home, warning signs,
     symptom guide, offline page, search, assets), and other pages are saved as they are read.
   - A navigation that fails (no network) to a page not saved goes to the offline page, offline/
     (the functions below are copied into the worker as written, so the path is spelt out).
   Prints {count, size, files, core} of the precache as JSON. Run by service_worker.py. */
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

const input = JSON.parse(await new Promise(resolve => {
  let text = ""
  process.stdin.on("data", chunk => { text += chunk })
  process.stdin.on("end", () => resolve(text))
}))
const workbox = createRequire(join(input.node_modules, "package.json")).resolve("workbox-build")
const { generateSW, getManifest } = await import(pathToFileURL(workbox).href)

const everything = {
  globDirectory: input.site,
  globPatterns: ["**/*.{html,css,js,json,svg,png,webmanifest,xml}"],
  // English search needs no other languages, source maps are not for readers; the sitemap is
  // kept, as instant navigation reads it
  globIgnores: ["sw.js", "404.html", "assets/javascripts/lunr/**", "**/*.map"],
  maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  // Files whose names already carry a hash of their contents
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
}
const CORE = ["index.html", "red-flags/index.html", "symptom-guide/index.html",
              "offline/index.html", "search/*", "assets/**/*", "manifest.webmanifest",
              "sitemap.xml"]
const whole = await getManifest(everything)
const core = whole.size > input.core_only_above
const files = core ? { ...everything, globPatterns: CORE } : everything

const offline = {
  handlerDidError: async ({ request }) => request.mode === "navigate"
    ? Response.redirect(new URL("offline/", self.registration.scope).href, 302) : undefined,
}
const { warnings } = await generateSW({
  ...files,
  swDest: `${input.site}/sw.js`,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: false,  // a new version waits until the reader reloads (service-worker.js asks)
  runtimeCaching: [core ? {
    urlPattern: ({ sameOrigin }) => sameOrigin,  // pages read, and their files, for next time
    handler: "NetworkFirst",
    options: { cacheName: "pages-read", plugins: [offline] },
  } : {
    urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
    handler: "NetworkOnly",
    options: { plugins: [offline] },
  }],
})
// Workbox warns of files too large to precache (it leaves them to the network): say so, go on
for (const warning of warnings)
  process.stderr.write(`${warning}\n`)
const { manifestEntries, count, size } = core ? await getManifest(files) : whole
process.stdout.write(JSON.stringify({ count, size, core,
                                      files: manifestEntries.map(entry => entry.url) }))
