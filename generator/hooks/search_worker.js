/* Prebuilt search index: the build (generator/hooks/search_index.py) puts this script first in one file
   with mkdocs-material's search worker. When the theme sends its SETUP message, this gives
   lunr.js's Builder the postings written at build time instead of letting it tokenize every page,
   then passes the message on to the theme's worker, whose search, ranking, suggestions and
   highlighting run unchanged. A result's highlighting tables are filled when it is first found.
   Without a prebuilt index from the same build, the theme indexes the pages as usual. */
(() => {
  "use strict"
  const SETUP = 0
  // Over file:// the iframe-worker shim runs this file in an iframe, where fetch cannot read files
  const framed = typeof document !== "undefined"
  const here = framed ? document.currentScript.src : location.href
  const payloadUrl = name => new URL(`../../../search/${name}`, here).href
  const hosted = framed ? undefined : fetch(payloadUrl("prebuilt_index.json"))
    .then(response => response.ok ? response.json() : undefined)
    .catch(() => undefined)
  let passing = false

  addEventListener("message", event => {
    if (passing || !event.data || event.data.type !== SETUP)
      return
    event.stopImmediatePropagation()
    const payload = framed ? loadScriptPayload() : hosted
    payload
      .then(prebuilt => {
        if (matches(prebuilt, event.data.data))
          usePrebuilt(prebuilt)
      })
      .finally(() => passOn(event.data))
  })

  function passOn(data) {
    passing = true
    try {
      dispatchEvent(new MessageEvent("message", { data }))
    } finally {
      passing = false
    }
  }

  function loadScriptPayload() {
    return new Promise(resolve => {
      const script = document.createElement("script")
      script.src = payloadUrl("prebuilt_index.js")
      script.onload = () => resolve(self.__prebuilt)
      script.onerror = () => resolve(undefined)
      document.body.appendChild(script)
    })
  }

  function matches(prebuilt, { config, docs }) {
    return !!prebuilt && prebuilt.fingerprint === config.prebuilt
      && prebuilt.count === docs.length
      && prebuilt.fields.join("\n") === Object.keys(config.fields).join("\n")
  }

  /* Make the next lunr.Builder return an index read from the prebuilt postings. */
  function usePrebuilt(prebuilt) {
    const { add, build } = lunr.Builder.prototype
    const docs = { refs: [], boosts: [], tables: [] }

    lunr.Builder.prototype.add = function (doc, attributes) {
      this.documentCount += 1
      docs.refs.push(doc[this._ref])
      docs.boosts.push((attributes || {}).boost || 1)
      for (const { extractor } of Object.values(this._fields)) {
        // The theme's extractor registers the field's (empty) position table
        const value = extractor(doc)
        docs.tables.push(value === undefined ? undefined : lunr.tokenizer.table)
      }
    }

    lunr.Builder.prototype.build = function () {
      Object.assign(lunr.Builder.prototype, { add, build })
      return prebuiltIndex(this, prebuilt, docs)
    }
  }

  /* The lunr.Index that lunr.Builder would have built: postings and field vectors are made from
     the flat lists when a query first needs them, with lunr's own scoring formula. */
  function prebuiltIndex(builder, { fields, terms, postings, tables }, docs) {
    const docCount = docs.refs.length, fieldCount = fields.length
    const counts = termCounts(postings, docCount * fieldCount, fieldCount)
    const docNumber = new Map(docs.refs.map((ref, number) => [ref, number]))
    const averages = fields.map((_, field) => {
      let total = 0
      for (let doc = 0; doc < docCount; doc++)
        total += counts.fieldLength[doc * fieldCount + field]
      return total / docCount
    })

    const idfs = new Float64Array(terms.length).fill(NaN)
    const idf = term => {  // lunr.idf: df is the number of document fields with the term
      if (Number.isNaN(idfs[term])) {
        const df = counts.documents[term]
        idfs[term] = Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)))
      }
      return idfs[term]
    }

    const postingOf = term => {
      const flat = postings[term], entry = Object.create(null)
      entry._index = term
      for (const field of fields)
        entry[field] = Object.create(null)
      for (let i = 0; i < flat.length; i += 3 + flat[i + 2]) {
        const metadata = Object.create(null)
        metadata.position = flat.slice(i + 3, i + 3 + flat[i + 2])
        entry[fields[flat[i]]][docs.refs[flat[i + 1]]] = metadata
      }
      return entry
    }

    const vectorOf = fieldRef => {
      const { fieldName, docRef } = lunr.FieldRef.fromString(fieldRef)
      const field = fields.indexOf(fieldName), doc = docNumber.get(docRef)
      const slot = doc * fieldCount + field, elements = []
      const boost = builder._fields[fieldName].boost || 1, k1 = builder._k1, b = builder._b
      for (let i = counts.start[slot]; i < counts.start[slot + 1]; i++) {
        const term = counts.term[i], tf = counts.frequency[i]
        let score = idf(term) * ((k1 + 1) * tf)
          / (k1 * (1 - b + b * (counts.fieldLength[slot] / averages[field])) + tf)
        score *= boost
        score *= docs.boosts[doc]
        elements.push(term, Math.round(score * 1000) / 1000)
      }
      return new lunr.Vector(elements)
    }

    const termNumber = new Map(terms.map((term, number) => [term, number]))
    const isFieldRef = key => {
      if (!key.includes(lunr.FieldRef.joiner))
        return false
      const { fieldName, docRef } = lunr.FieldRef.fromString(key)
      return fields.includes(fieldName) && docNumber.has(docRef)
    }
    const fieldRefs = () => docs.refs.flatMap(ref => fields.map(field =>
      new lunr.FieldRef(ref, field).toString()))
    const index = new lunr.Index({
      invertedIndex: lazyRecord(term => termNumber.has(term), () => terms,
                                term => postingOf(termNumber.get(term))),
      fieldVectors: lazyRecord(isFieldRef, fieldRefs, vectorOf),
      tokenSet: lunr.TokenSet.fromArray([...terms].sort()),
      fields: Object.keys(builder._fields),
      pipeline: builder.searchPipeline
    })
    const filled = new Set()
    index.search = function (query) {  // the theme highlights every result with its tables
      const results = lunr.Index.prototype.search.call(this, query)
      for (const { ref } of results)
        if (!filled.has(ref)) {
          filled.add(ref)
          const doc = docNumber.get(ref)
          for (let field = 0; field < fieldCount; field++)
            fillTable(docs.tables[doc * fieldCount + field], tables[doc * fieldCount + field])
        }
      return results
    }
    return index
  }

  /* For each document field: its terms with their frequencies (in term order), and its length;
     for each term: in how many document fields it occurs. */
  function termCounts(postings, slots, fieldCount) {
    const documents = new Uint32Array(postings.length), start = new Uint32Array(slots + 1)
    const fieldLength = new Float64Array(slots)
    for (const flat of postings)
      for (let i = 0; i < flat.length; i += 3 + flat[i + 2])
        start[flat[i + 1] * fieldCount + flat[i] + 1] += 1
    for (let slot = 0; slot < slots; slot++)
      start[slot + 1] += start[slot]
    const next = start.slice(0, slots)
    const term = new Uint32Array(start[slots]), frequency = new Uint32Array(start[slots])
    postings.forEach((flat, number) => {
      for (let i = 0; i < flat.length; i += 3 + flat[i + 2]) {
        const slot = flat[i + 1] * fieldCount + flat[i], at = next[slot]++
        term[at] = number
        frequency[at] = flat[i + 2]
        fieldLength[slot] += flat[i + 2]
        documents[number] += 1
      }
    })
    return { documents, start, term, frequency, fieldLength }
  }

  /* A read-only record whose values are made on first use: known(key) says which keys it has,
     keys() lists them in order (only lunr's negated queries and serialization ask). */
  function lazyRecord(known, keys, make) {
    const made = new Map()
    const value = key => {
      if (!made.has(key))
        made.set(key, make(key))
      return made.get(key)
    }
    return new Proxy(Object.create(null), {
      get: (_, key) => typeof key === "string" && known(key) ? value(key) : undefined,
      has: (_, key) => typeof key === "string" && known(key),
      ownKeys: () => keys(),
      getOwnPropertyDescriptor: (_, key) => typeof key === "string" && known(key)
        ? { value: value(key), enumerable: true, configurable: true, writable: false }
        : undefined
    })
  }

  /* Fill a position table from its flat list of (block length, entries...). */
  function fillTable(table, flat) {
    if (table && flat)
      for (let i = 0; i < flat.length; i += 1 + flat[i])
        table.push(flat.slice(i + 1, i + 1 + flat[i]))
  }
})();
