/* Write the hosted site's service worker with Workbox (workbox-build, pinned in package.json).
   Reads {site, node_modules} as JSON on stdin: the built site's folder, and the node_modules
   folder that holds workbox-build (the build may run from a copy of the generator). Precaches every page, the search index, the tree and the assets, each with a revision
   hash; a navigation to anything else that fails (no network) is sent to the offline page,
   offline/ (the function below is copied into the worker as written, so the path is spelt out).
   Prints {count, size, files} of the precache as JSON. Run by generator/build/service_worker.py. */
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

const files = {
  globDirectory: input.site,
  globPatterns: ["**/*.{html,css,js,json,svg,png,webmanifest,xml}"],
  // English search needs no other languages, source maps are not for readers; the sitemap is
  // kept, as instant navigation reads it
  globIgnores: ["sw.js", "404.html", "assets/javascripts/lunr/**", "**/*.map"],
  maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  // Files whose names already carry a hash of their contents
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
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
  runtimeCaching: [{
    urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
    handler: "NetworkOnly",
    options: {
      plugins: [{
        handlerDidError: async () =>
          Response.redirect(new URL("offline/", self.registration.scope).href, 302),
      }],
    },
  }],
})
if (warnings.length)
  throw new Error(warnings.join("\n"))
const { manifestEntries, count, size } = await getManifest(files)
process.stdout.write(JSON.stringify({ count, size, files: manifestEntries.map(entry => entry.url) }))
