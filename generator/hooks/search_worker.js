/* Prebuilt search index: the build (generator/hooks/search_index.py) puts this script first in one file
   with mkdocs-material's search worker. When the theme sends its SETUP message, this gives
   lunr.js's Builder the postings written at build time instead of letting it tokenize every page,
   then passes the message on to the theme's worker, whose search, ranking, suggestions and
   highlighting run unchanged. Where a result's words are, to highlight them, is found when it is
   first shown, with the theme's own tokenizer.
   Without a prebuilt index from the same build, the theme indexes the pages as usual.
   With it, a query in readers' words (not lunr syntax) is understood as queryReader says. */
(() => {
  "use strict"
  const SETUP = 0, QUERY = 2, RESULT = 3
  const NOTE = "guide:search-note"  // tells the page what was searched for (search-note.js)
  // Over file:// the iframe-worker shim runs this file in an iframe, where fetch cannot read files
  const framed = typeof document !== "undefined"
  const here = framed ? document.currentScript.src : location.href
  const payloadUrl = name => new URL(`../../../search/${name}`, here).href
  const hosted = framed ? undefined : fetch(payloadUrl("prebuilt_index.bin"))
    .then(response => response.ok ? response.arrayBuffer() : undefined)
    .then(buffer => buffer && prepare(decode(buffer)))
    .catch(() => undefined)
  let passing = false
  let asked = null  // the query the theme is about to search, as the reader typed it
  let understood = false  // whether the theme's last search was of readers' words

  addEventListener("message", event => {
    if (!passing && event.data && event.data.type === QUERY)
      asked = event.data.data
    if (passing || !event.data || event.data.type !== SETUP)
      return
    event.stopImmediatePropagation()
    const payload = framed ? loadScriptPayload() : hosted
    payload
      .then(prebuilt => {
        if (matches(prebuilt, event.data.data)) {
          usePrebuilt(prebuilt)
          listFirstPages()
        }
      })
      .finally(() => passOn(event.data))
  })

  /* The theme ranks every result it is given, then sends the page all of them. A reader reads
     the first pages only: sending those (LISTED) makes them appear sooner, as the page copies
     and draws far less. A query in lunr's syntax gets the theme's answer, unchanged. */
  function listFirstPages() {
    const send = self.postMessage
    self.postMessage = (message, ...rest) => send.call(self, understood && message
      && message.type === RESULT
      ? { ...message, data: { ...message.data, items: message.data.items.slice(0, LISTED) } }
      : message, ...rest)
  }

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
      script.onload = () => resolve(self.__prebuilt && prepare(decode(fromBase64(self.__prebuilt))))
      script.onerror = () => resolve(undefined)
      document.body.appendChild(script)
    })
  }

  /* The payload as the build wrote it (search_index.py's payload_bytes): its head, and each
     term's postings, (field, document, count) after another, a view of the file's numbers with
     no copying. */
  function decode(buffer) {
    if (buffer.byteLength < 4)
      return undefined
    const length = new DataView(buffer).getUint32(0, true)
    const payload = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)))
    const numbers = new Int32Array(buffer, 4 + length)
    const terms = payload.terms.length
    payload.postings = new Array(terms)
    for (let i = 0, start = terms; i < terms; i++) {
      payload.postings[i] = numbers.subarray(start, terms + numbers[i])
      start = terms + numbers[i]
    }
    return payload
  }

  /* What the payload alone gives, made as soon as it arrives, while the theme is still
     fetching its pages: a term's number, the terms as a lunr.TokenSet, and the query reader. */
  function prepare(payload) {
    payload.termNumber = new Map(payload.terms.map((term, number) => [term, number]))
    payload.tokenSet = once(() => lunr.TokenSet.fromArray([...payload.terms].sort()))
    payload.read = queryReader(payload)
    return payload
  }

  function fromBase64(text) {
    const binary = atob(text), bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++)
      bytes[i] = binary.charCodeAt(i)
    return bytes.buffer
  }

  function matches(prebuilt, { config, docs }) {
    return !!prebuilt && prebuilt.fingerprint === config.prebuilt
      && prebuilt.count === docs.length
      && prebuilt.fields.join("\n") === Object.keys(config.fields).join("\n")
  }

  /* Make the next lunr.Builder return an index read from the prebuilt postings. */
  function usePrebuilt(prebuilt) {
    const { add, build } = lunr.Builder.prototype
    const docs = { refs: [], boosts: [], values: [] }

    // A document's fields are read (and its position tables registered) when it is first shown
    lunr.Builder.prototype.add = function (doc, attributes) {
      this.documentCount += 1
      docs.refs.push(doc[this._ref])
      docs.boosts.push((attributes || {}).boost || 1)
      docs.values.push(doc)
    }

    lunr.Builder.prototype.build = function () {
      Object.assign(lunr.Builder.prototype, { add, build })
      return prebuiltIndex(this, prebuilt, docs)
    }
  }

  /* The lunr.Index that lunr.Builder would have built: postings and field vectors are made from
     the flat lists when a query first needs them, with lunr's own scoring formula. */
  function prebuiltIndex(builder, { fields, terms, postings, termNumber, tokenSet, read },
                         docs) {
    const docCount = docs.refs.length, fieldCount = fields.length
    // Every field's terms and length: only lunr's own search (a query in its syntax) and a
    // length-normalising index (b above 0; the theme sets 0) need them
    const counts = once(() => termCounts(postings, docCount * fieldCount, fieldCount))
    const averages = once(() => fields.map((_, field) => {
      let total = 0
      for (let doc = 0; doc < docCount; doc++)
        total += counts().fieldLength[doc * fieldCount + field]
      return total / docCount
    }))
    const docNumber = new Map(docs.refs.map((ref, number) => [ref, number]))
    // A page's lay names (tags) are on its own entry only (search_index.py). In ranking they
    // count for its sections too: the entries after it (the theme's order), span in all
    const tags = fields.indexOf("tags"), span = new Uint32Array(docCount).fill(1)
    for (let doc = 0, page = -1; doc < docCount; doc++)
      if (!docs.refs[doc].includes("#"))
        page = doc
      else if (page >= 0 && docs.refs[doc].startsWith(`${docs.refs[page]}#`))
        span[page] += 1
    // How many entries a posting counts for in ranking, from its own: its page's span for tags
    const countsFor = (field, doc) => field === tags ? span[doc] : 1

    // lunr.idf: df is the number of document fields with the term (in these postings)
    const idfIn = documentFieldsOf => {
      const idfs = new Float64Array(terms.length).fill(NaN)
      return term => {
        if (Number.isNaN(idfs[term])) {
          const df = documentFieldsOf(term)
          idfs[term] = Math.log(1 + Math.abs((docCount - df + 0.5) / (df + 0.5)))
        }
        return idfs[term]
      }
    }
    const idf = idfIn(term => postings[term].length / 3)
    const sharedIdf = idfIn(term => {  // as if each section had its page's tags
      let df = 0
      for (let i = 0, flat = postings[term]; i < flat.length; i += 3)
        df += countsFor(flat[i], flat[i + 1])
      return df
    })

    const postingOf = term => {
      const flat = postings[term], entry = Object.create(null)
      entry._index = term
      for (const field of fields)
        entry[field] = Object.create(null)
      for (let i = 0; i < flat.length; i += 3) {
        const metadata = Object.create(null)
        metadata.position = positionsOf(flat[i + 1])[flat[i]].get(terms[term]) || []
        entry[fields[flat[i]]][docs.refs[flat[i + 1]]] = metadata
      }
      return entry
    }

    // A term's weight in a document field, as lunr.Builder puts it in the field's vector
    const boosts = fields.map(field => builder._fields[field].boost || 1)
    const weight = (term, field, doc, tf, termIdf = idf) => {
      const k1 = builder._k1, b = builder._b
      const length = b === 0 ? 1 : counts().fieldLength[doc * fieldCount + field] / averages()[field]
      let score = termIdf(term) * ((k1 + 1) * tf) / (k1 * (1 - b + b * length) + tf)
      score *= boosts[field]
      score *= docs.boosts[doc]
      return Math.round(score * 1000) / 1000
    }

    const vectorOf = fieldRef => {
      const { fieldName, docRef } = lunr.FieldRef.fromString(fieldRef)
      const field = fields.indexOf(fieldName), doc = docNumber.get(docRef)
      const slot = doc * fieldCount + field, elements = [], { start, term, frequency } = counts()
      for (let i = start[slot]; i < start[slot + 1]; i++)
        elements.push(term[i], weight(term[i], field, doc, frequency[i]))
      return new lunr.Vector(elements)
    }

    /* What lunr.Index.query gives for a query of these words (each once, in every field), in
       one pass over their postings: the matching documents, in order, and each one's score (the
       sum of the words' weights in its fields over the query vector's length). */
    const matchesOf = wanted => {
      const known = [...wanted].filter(term => termNumber.has(term))
      const length = Math.sqrt(known.length), scores = new Float64Array(docCount)
      const matched = new Uint8Array(docCount)
      for (const term of known) {
        const number = termNumber.get(term), flat = postings[number]
        for (let i = 0; i < flat.length; i += 3) {
          const add = weight(number, flat[i], flat[i + 1], flat[i + 2], sharedIdf) / length
          for (let doc = flat[i + 1], end = doc + countsFor(flat[i], doc); doc < end; doc++) {
            scores[doc] += add
            matched[doc] = 1
          }
        }
      }
      const found = []
      for (let doc = 0; doc < docCount; doc++)
        if (matched[doc])
          found.push(doc)
      return { found, scores }
    }

    /* Which documents have one of the forms in any field (1 in anywhere, a list by document)
       and in the named fields (1 in named): a form is a list of words, each a list of the index
       words that may stand for it. One pass over the postings of each form's words. */
    const pagesWith = (forms, names) => {
      const naming = fields.map(field => names.includes(field))
      const anywhere = new Uint8Array(docCount), named = new Uint8Array(docCount)
      const count = new Uint32Array(docCount), countNamed = new Uint32Array(docCount)
      const seen = new Int32Array(docCount).fill(-1), seenNamed = new Int32Array(docCount).fill(-1)
      let word = 0
      for (const form of forms.filter(form => form.length > 0)) {
        count.fill(0)
        countNamed.fill(0)
        for (const choices of form) {
          for (const term of new Set(choices.filter(term => termNumber.has(term)))) {
            const flat = postings[termNumber.get(term)]
            for (let i = 0; i < flat.length; i += 3) {
              for (let doc = flat[i + 1], end = doc + countsFor(flat[i], doc); doc < end; doc++) {
                if (seen[doc] !== word) {
                  seen[doc] = word
                  if (++count[doc] === form.length)
                    anywhere[doc] = 1
                }
                if (naming[flat[i]] && seenNamed[doc] !== word) {
                  seenNamed[doc] = word
                  if (++countNamed[doc] === form.length)
                    named[doc] = 1
                }
              }
            }
          }
          word += 1
        }
      }
      return { anywhere, named }
    }

    /* Where each of these words matched in each of these documents, for the theme's ranking
       and highlighting, in the order lunr.Index.query adds them. */
    const matchDataOf = (wanted, shown, positioned) => {
      const data = new Map(shown.map(doc => [doc, new lunr.MatchData()]))
      for (const term of [...wanted].filter(term => termNumber.has(term))) {
        const flat = postings[termNumber.get(term)]
        for (let i = 0; i < flat.length; i += 3)
          for (let doc = flat[i + 1], end = doc + countsFor(flat[i], doc); doc < end; doc++)
            if (data.has(doc))
              data.get(doc).add(term, fields[flat[i]], {
                position: positioned.has(doc) ? positionsOf(doc)[flat[i]].get(term) || [] : [] })
      }
      return data
    }

    const indexed = { docCount, matchesOf, pagesWith, docOf: ref => docNumber.get(ref) }

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
      tokenSet: null,
      fields: Object.keys(builder._fields),
      pipeline: builder.searchPipeline
    })
    Object.defineProperty(index, "tokenSet", { get: tokenSet })  // for lunr syntax and typos
    /* Where each word is in each field of a document (a Map of word to positions by field), as
       lunr.Builder's add would find them: the theme's extractor registers the field's position
       table, which the theme's tokenizer fills and highlights the result with. */
    const positions = new Map()
    const positionsOf = doc => {
      if (!positions.has(doc))
        positions.set(doc, fields.map(field => {
          const found = new Map()
          const value = builder._fields[field].extractor(docs.values[doc])
          for (const token of builder.pipeline.run(builder.tokenizer(value, { fields: [field] }))) {
            const word = token.toString()
            if (!found.has(word))
              found.set(word, [])
            found.get(word).push(token.metadata.position)
          }
          return found
        }))
      return positions.get(doc)
    }
    index.search = function (query) {  // the theme highlights every result with its tables
      const reading = asked === null ? null : read(asked, indexed)
      postMessage({ type: NOTE, data: { query: asked, showing: reading && reading.showing } })
      asked = null
      understood = !!reading
      if (!reading) {
        const results = lunr.Index.prototype.search.call(this, query)
        results.forEach(({ ref }) => positionsOf(docNumber.get(ref)))
        return results
      }
      // The theme gets the first results only (no reader reads further), and highlights the
      // first of them: the others keep their words, for its ranking, without positions. So a
      // large site answers about as fast as a small one
      const results = reading.results.slice(0, SHOWN)
      const shown = results.map(({ doc }) => doc)
      const highlighted = new Set(shown.slice(0, HIGHLIGHTED))
      highlighted.forEach(positionsOf)
      const matchData = matchDataOf(reading.wanted, shown, highlighted)
      return results.map(({ doc, score }) =>
        ({ ref: docs.refs[doc], score, matchData: matchData.get(doc) }))
    }
    return index
  }

  /* Query understanding, for a query in readers' words (lunr syntax is left to the theme):
     - stop words are dropped (unless the query has nothing else);
     - a word matches the index words with the same stem, and, from 4 letters or as the last word
       typed, the index words it begins;
     - the words (or phrases) of a thesaurus group stand for each other, as one word of the query;
     - a word that matches nothing is replaced by its nearest word of the index, the thesaurus
       or the signs (edit distance 1 for 4 to 6 letters, 2 for longer), and the page is told
       "Showing results for ...";
     - words that say when or how much (FILLER) are left out, as lunr's stop words are;
     - a page that matches more of the query's words ranks above one that matches fewer, and a
       word matched in its title or lay names (tags) counts twice if it is uncommon (on at most
       a quarter of the pages) or names few pages (in the titles or tags of at most 2% of them):
       each multiplies its score by TIER, more than the theme's own boosts (5 at most);
     - a query that names a warning sign (its lay words) puts the red-flags page first. */
  const SYNTAX = /[*~^:"]|(^|\s)[+-]/
  const TIER = 100
  const NAMES = ["title", "tags"]  // the fields whose matches count twice
  const WORD = /^[a-z0-9]+$/  // what a misspelt word may be corrected to
  const UNCOMMON = 0.25  // of the pages (their sections): a word on fewer is uncommon
  const RARE = 0.02  // of the pages: a word in the titles or tags of fewer names few
  // Words lunr's stop list lacks that say when, how often or how much, not what: in a query
  // they would favour the pages that use them most ("caught a chill and now ..." found the
  // warning signs, which say "now" often; "legs keep giving out", the pages saying "keep")
  const FILLER = new Set(["now", "really", "very", "bit", "keep", "keeps", "kept", "keeping",
                          "always", "constantly", "time", "times"])
  const SOUNDS = [["f", "ph"], ["ph", "f"], ["k", "c"], ["c", "k"]]  // first sounds spelt two ways
  const SHOWN = 100  // how many results (pages and their sections) the theme is given to rank
  const HIGHLIGHTED = 20  // how many of those carry the positions to highlight
  const LISTED = 20  // how many pages (with their sections) the reader is sent

  function queryReader({ words = {}, terms, postings, termNumber, tokenSet, separator }) {
    const frequency = term => termNumber.has(term) ? postings[termNumber.get(term)].length : 0
    const plain = word => word.replace(/['\u2019]/g, "")
    // The index keeps punctuation next to words ("legs," "(ms)"): compare words without it
    const bare = term => plain(term).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
    const separating = new RegExp(separator)
    const split = text => text.toLowerCase().split(separating).filter(Boolean)
    const stems = new Map()
    const stem = word => {
      if (!stems.has(word))
        stems.set(word, lunr.stemmer(new lunr.Token(bare(word))).toString())
      return stems.get(word)
    }
    const key = words => words.map(stem).join(" ")  // a phrase as its words' stems
    const groups = new Map()
    for (const group of words.synonyms || [])
      for (const member of group)
        groups.set(key(split(member)), group)
    // How many words the thesaurus's longest phrase has
    const longest = Math.max(1, ...[...groups.keys()].map(phrase => phrase.split(" ").length))
    const meaningful = token => lunr.stopWordFilter(token) && !FILLER.has(token)
    const content = tokens => tokens.filter(meaningful)
    // A sign's phrase is read as a query is: its concepts ("can't feel", "toilet")
    const dangers = (words.danger || []).map(split).map(tokens => ({
      words: content(tokens), concepts: conceptsOf(tokens), group: groups.get(key(tokens)) }))
    // The words of the signs' phrases: never "corrected", as they name a sign
    const signWords = new Set(dangers.flatMap(phrase => phrase.words).map(stem))
    // Words a misspelling may also be corrected to: those of the thesaurus and the signs' phrases
    const known = once(() => lunr.TokenSet.fromArray([...new Set(
      [...new Set(groups.values())].flat().concat(words.danger || []).flatMap(split)
        .filter(word => WORD.test(word)))].sort()))
    let byStem = null, sorted = null  // the index's words by stem, and in order: made when needed
    const withStem = word => {
      if (!byStem) {
        byStem = new Map()
        for (const term of terms)
          byStem.set(stem(term), [...byStem.get(stem(term)) || [], term])
      }
      return byStem.get(stem(word)) || []
    }
    const beginningWith = word => {
      sorted = sorted || [...terms].sort()
      let low = 0, high = sorted.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (sorted[middle] < word) low = middle + 1
        else high = middle
      }
      const found = []
      for (let i = low; i < sorted.length && sorted[i].startsWith(word); i++)
        found.push(sorted[i])
      return found
    }
    // A phrase that small words make (on my feet, no feeling) is matched by its other forms
    // only: its one content word alone (feet, feeling) would match far more than it means
    const matched = form => split(form).length === 1 || content(split(form)).length > 1
    // A form (a word or phrase) as lists of index words, one list per word it needs
    const formTerms = (form, typed) => content(split(form)).map(word =>
      [...new Set([...withStem(word),
                   ...typed && (word.length >= 4 || typed.last) ? beginningWith(word) : []])])

    // The query's words, each a concept: a thesaurus phrase (longest first) or one word
    function conceptsOf(tokens) {
      const concepts = []
      for (let i = 0; i < tokens.length;) {
        let n = Math.min(longest, tokens.length - i)
        while (n > 1 && !groups.has(key(tokens.slice(i, i + n))))
          n -= 1
        const said = tokens.slice(i, i + n)
        if (n > 1 || meaningful(said[0]))
          concepts.push({ said, group: groups.get(key(said)) })
        i += n
      }
      return concepts.length ? concepts : tokens.map(token => ({ said: [token] }))
    }

    function nearest(word) {
      const distance = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0
      if (!distance || signWords.has(stem(word)))
        return undefined
      // A misspelling rarely changes the first letter ("ladder" is not "bladder"), unless it
      // spells a sound another way ("fisio"). Of words as near, one that names a sign comes
      // first ("visin" is "vision", not the commoner "visit"): a reader may be describing one
      const found = [word, ...SOUNDS.flatMap(([spelt, sound]) =>
        word.startsWith(spelt) ? [sound + word.slice(spelt.length)] : [])]
        .flatMap(respelt => [tokenSet(), known()].flatMap(vocabulary => vocabulary.intersect(
          lunr.TokenSet.fromFuzzyString(respelt, distance)).toArray())
          .filter(term => WORD.test(bare(term)) && term[0] === respelt[0])
          .map(term => [edits(respelt, bare(term)), signWords.has(stem(term)) ? 0 : 1,
                        -frequency(term), bare(term)]))
      return found.sort(compare)[0]
    }

    function resolve(concept, last) {
      const typed = { last }
      const forms = concept.group || [concept.said.join(" ")]
      concept.forms = forms.filter(matched)
        .map(form => formTerms(form, concept.group ? null : typed))
      if (!concept.group && concept.forms.flat(2).length === 0) {
        const better = nearest(plain(concept.said[0]))
        if (better) {
          concept.corrected = better[3]
          concept.group = groups.get(stem(better[3]))
          concept.forms = (concept.group || [better[3]]).filter(matched)
            .map(form => formTerms(form, null))
        }
      }
    }

    // A warning sign's phrase is named when the query has a phrase of its thesaurus group
    // ("seeing double" for "double vision"), or each of its concepts is one of the query's:
    // of the same thesaurus group ("cant feel" for "can't feel"), or the same word (same stem,
    // or begun by one of 5 letters or more: "sudden weakn"). A phrase of the query, e.g. "fell
    // asleep", counts only by its group, so it does not name "fell down".
    const sameWord = (typed, word) => stem(typed) === stem(word)
      || (typed.length >= 5 && word.startsWith(typed))
    const saidAs = (concept, word) => concept.said.length === 1
      && sameWord(concept.corrected || concept.said[0], word)
    const names = (concepts, phrase) => phrase.words.length > 0 && (
      concepts.some(concept => concept.group && concept.group === phrase.group)
      || phrase.concepts.every(wanted => concepts.some(concept =>
        (concept.group && wanted.group === concept.group)
        || (wanted.said.length === 1 && saidAs(concept, wanted.said[0])))
        || spelledOut(wanted, concepts)))
    // A sign's thesaurus phrase of two content words or more ("hitting my head") is also named
    // by those words without the small ones ("hitting head")
    const spelledOut = (wanted, concepts) => wanted.said.length > 1
      && content(wanted.said).length > 1
      && content(wanted.said).every(word => concepts.some(concept => saidAs(concept, word)))

    const understood = tokens => {
      const concepts = conceptsOf(tokens)
      concepts.forEach((concept, number) => resolve(concept, number === concepts.length - 1))
      return concepts
    }

    withStem("")  // stem the index's words now, while the theme fetches its pages
    return (text, { docCount, matchesOf, pagesWith, docOf }) => {
      const tokens = split(text)
      if (SYNTAX.test(text) || !tokens.length)
        return null
      const said = understood(tokens)
      // A corrected word may make a thesaurus phrase with its neighbours, small words included
      // ("korda equina", "hiting my head")
      const corrections = new Map(said.filter(concept => concept.corrected)
        .map(concept => [concept.said[0], concept.corrected]))
      const concepts = corrections.size
        ? understood(tokens.map(token => corrections.get(token) || token)) : said
      const wanted = new Set(concepts.flatMap(concept => concept.forms.flat(2)))
      const { found, scores } = matchesOf(wanted)
      const best = found.reduce((most, doc) => Math.max(most, scores[doc]), 1e-9)
      // Which pages have each concept (in any field), and in their title or lay names
      const where = concepts.map(concept => pagesWith(concept.forms, NAMES))
      const pages = has => found.reduce((count, doc) => count + has[doc], 0)
      const titling = where.map(({ anywhere, named }) =>
        pages(anywhere) <= UNCOMMON * docCount || pages(named) <= RARE * docCount)
      const results = found.map(doc => {
        let tier = 0
        where.forEach(({ anywhere, named }, number) => {
          tier += anywhere[doc] + (named[doc] && titling[number] ? 1 : 0)
        })
        return { doc, score: TIER ** tier * (1 + scores[doc] / best) }
      })
      const page = docOf(words.danger_page)
      if (dangers.some(phrase => names(concepts, phrase)) && page !== undefined) {
        const top = TIER ** (2 * concepts.length + 1) * 3
        const danger = results.find(result => result.doc === page)
        if (danger)
          danger.score = top
        else
          results.push({ doc: page, score: top })
      }
      const corrected = said.some(concept => concept.corrected)
      const showing = corrected ? said.map(concept =>
        concept.corrected || concept.said.join(" ")).join(" ") : null
      return { results: results.sort((a, b) => b.score - a.score), wanted, showing }
    }
  }

  const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1)

  /* The optimal string alignment distance: insertions, deletions, substitutions and swaps of
     two neighbouring letters, as lunr's fuzzy matching counts them. */
  function edits(a, b) {
    const row = (length, fill) => Array.from({ length }, fill)
    const d = row(a.length + 1, (_, i) => row(b.length + 1, (_, j) => i === 0 ? j : j === 0 ? i : 0))
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
      }
    return d[a.length][b.length]
  }

  /* For each document field: its terms with their frequencies (in term order), and its length. */
  function termCounts(postings, slots, fieldCount) {
    const start = new Uint32Array(slots + 1), fieldLength = new Float64Array(slots)
    for (const flat of postings)
      for (let i = 0; i < flat.length; i += 3)
        start[flat[i + 1] * fieldCount + flat[i] + 1] += 1
    for (let slot = 0; slot < slots; slot++)
      start[slot + 1] += start[slot]
    const next = start.slice(0, slots)
    const term = new Uint32Array(start[slots]), frequency = new Uint32Array(start[slots])
    postings.forEach((flat, number) => {
      for (let i = 0; i < flat.length; i += 3) {
        const slot = flat[i + 1] * fieldCount + flat[i], at = next[slot]++
        term[at] = number
        frequency[at] = flat[i + 2]
        fieldLength[slot] += flat[i + 2]
      }
    })
    return { start, term, frequency, fieldLength }
  }

  /* A function that makes its value on first call, then returns it. */
  function once(make) {
    let made
    return () => made === undefined ? (made = make()) : made
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
})();
