// The search box of partials/briefing-search.html, answered by the Pagefind index that
// generator/search.py writes to <site>/pagefind/. Only the chunks of the index that the query's
// words need are downloaded, and Pagefind is loaded on the first focus of the box, not with the page.
//
// The index holds words as our jieba segmenter cut them (an actor's name is one word) in a
// language Pagefind does not segment, so the query is segmented here: Chinese runs by the
// browser's Intl.Segmenter, with runs of single characters joined again (it cuts transliterated
// names, 卢卡申科, into single characters), then as typed, then character by character, until
// one of them finds something. Pagefind matches every term, each as a word or a word's beginning.
// A query in Traditional characters is first read in Simplified ones (the index is Simplified,
// Traditional text carrying its Simplified form beside it), with OpenCC's table, fetched in
// blocks of 256 code points: only the blocks of the query's characters.
//
// A large collection is indexed in shards of consecutive dates, the newest at the bundle's root
// (generator/search.py: run_job). Each shard a query searches costs it a chunk of the index per
// word, so the shards are searched newest first, an older one only while fewer than a page of
// results has been found or when the reader asks for more: results come newest period first,
// by relevance within a period, and the count says "N+" while older shards are left. One step
// (the query, or a click on the button below the results) searches shards only while their
// chunks stay within CHUNKS_PER_STEP, so that even a query found in none of them stays near
// 400 kB at 10 000 briefings; the button then offers the older briefings.

const root = document.querySelector("[data-briefing-search]");
const PAGE_SIZE = 10;
const WORD_SEPARATOR = "\u200a"; // generator.search.WORD_SEPARATOR
const GLOSS = /\u27e8([^\u27e8\u27e9]*)\u27e9/g; // generator.search: ⟨other names⟩ after an actor's name
const HAN = /\p{Script=Han}/u;
const HIGHLIGHT = "h"; // a result's link carries its search terms, highlighted on the briefing (Material's name)
const CHUNKS_PER_STEP = 6; // shards searched in one step times the query's words (the newest always searched)
const SHARD = "shard"; // a filter Pagefind adds to every page of a shard (mergeFilter): 0 the newest
const MANIFEST = "pagefind/manifest.json"; // generator.search.MANIFEST
const T2S = "pagefind/t2s/"; // generator.search.SIMPLIFIED_TABLE

if (root && new URL(location.href).searchParams.has(HIGHLIGHT)) {
  const base = new URL(root.dataset.base, document.baseURI);
  import(new URL("pagefind/pagefind-highlight.js", base).href).then(({ default: PagefindHighlight }) => {
    new PagefindHighlight({ highlightParam: HIGHLIGHT, markContext: "article.md-content__inner", addStyles: false });
  });
}

if (root) {
  const toggle = document.getElementById("__search"); // Material's checkbox: checked, the dialog is open
  const input = root.querySelector(".md-search__input");
  const form = root.querySelector(".md-search__form");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".briefing-search__more");
  const labels = { more: more.textContent, older: more.dataset.older, noneNewer: meta.dataset.noneNewer };
  const base = new URL(root.dataset.base, document.baseURI);
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const t = (key, n) => (config.translations?.[key] ?? key).replace("#", String(n));
  let engine = null;
  let shown = null; // the query on screen: its reading, the shards searched, results not shown yet
  let latest = 0;

  const load = () => {
    engine ??= (async () => {
      // The older shards, newest first, and the blocks of the Traditional -> Simplified table;
      // a site without briefings has no index ({"empty": true}).
      const manifest = await fetch(new URL(MANIFEST, base)).then((r) => (r.ok ? r.json() : {}), () => ({}));
      if (!Array.isArray(manifest.older)) return null;
      const older = manifest.older;
      const pagefind = await import(new URL("pagefind/pagefind.js", base).href);
      // noWorker: the few small chunks a query needs are searched on the page; a shared worker
      // would add a script to download and hide the index's requests from the page's timeline.
      await pagefind.options({
        baseUrl: base.pathname,
        excerptLength: 36,
        highlightParam: HIGHLIGHT,
        noWorker: true,
        mergeFilter: { [SHARD]: "0" },
      });
      // Pagefind takes the index language from <html lang> when it starts (synchronously, in
      // init): zh would make it cut the query into single characters. Ours is not segmented.
      const html = document.documentElement;
      const lang = html.getAttribute("lang");
      html.setAttribute("lang", root.dataset.indexLanguage);
      try {
        pagefind.init();
      } finally {
        html.setAttribute("lang", lang);
      }
      const merged = [Promise.resolve()]; // shard n's mergeIndex, started when a query first needs it
      const shard = (n) => {
        for (let k = merged.length; k <= n; k += 1) {
          merged.push(
            merged[k - 1].then(() =>
              pagefind.mergeIndex(new URL(`pagefind/${older[k - 1]}`, base).pathname, {
                language: root.dataset.indexLanguage,
                baseUrl: base.pathname,
                mergeFilter: { [SHARD]: String(k) },
              }),
            ),
          );
        }
        return merged[n];
      };
      // One shard's results: the other merged shards load their chunks too (cached), none is listed.
      const searchShard = async (reading, n) => {
        await shard(n);
        return (await pagefind.search(reading, { filters: { [SHARD]: String(n) } })).results;
      };
      return { shards: older.length + 1, searchShard, blocks: new Set(manifest.t2s ?? []) };
    })();
    return engine;
  };

  const blocks = new Map(); // code point >> 8 -> its part of the Traditional -> Simplified table
  const simplified = async (query, known) => {
    const needed = new Set(
      [...query]
        .filter((c) => HAN.test(c))
        .map((c) => (c.codePointAt(0) >> 8).toString(16))
        .filter((block) => known.has(block)),
    );
    for (const block of needed) {
      if (!blocks.has(block)) {
        blocks.set(block, fetch(new URL(`${T2S}${block}.json`, base)).then((r) => (r.ok ? r.json() : {}), () => ({})));
      }
    }
    const tables = await Promise.all([...needed].map((block) => blocks.get(block)));
    const table = Object.assign({}, ...tables);
    return [...query].map((c) => table[c] ?? c).join("");
  };

  const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

  const readings = (query) => {
    const chunks = query.trim().split(/\s+/).filter(Boolean);
    const joined = [];
    const single = [];
    for (const chunk of chunks) {
      if (!HAN.test(chunk) || !segmenter) {
        joined.push(chunk);
        single.push(chunk);
        continue;
      }
      let run = "";
      for (const { segment, isWordLike } of segmenter.segment(chunk)) {
        if (isWordLike && [...segment].length === 1 && HAN.test(segment)) {
          run += segment;
          single.push(segment);
          continue;
        }
        if (run) joined.push(run);
        run = "";
        if (isWordLike) {
          joined.push(segment);
          single.push(segment);
        }
      }
      if (run) joined.push(run);
    }
    return [...new Set([joined.join(" "), chunks.join(" "), single.join(" ")])].filter(Boolean);
  };

  // Excerpts come back with our word separators made plain spaces, and with glosses: a space
  // next to a Chinese character or punctuation goes, and a gloss stays only where it holds the
  // highlighted word (the English name the reader typed).
  const CJK = "[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2018-\\u201d\\u2026]";
  const SPACE_AFTER_CJK = new RegExp(`(${CJK})((?:</?mark>)*)\\s+`, "gu");
  const SPACE_BEFORE_CJK = new RegExp(`\\s+((?:</?mark>)*)(?=${CJK})`, "gu");
  const tidy = (excerpt) =>
    excerpt
      .replaceAll(WORD_SEPARATOR, " ")
      .replace(SPACE_AFTER_CJK, "$1$2")
      .replace(SPACE_BEFORE_CJK, "$1")
      .replaceAll("<mark>\u27e8", "\u27e8<mark>")
      .replaceAll("\u27e9</mark>", "</mark>\u27e9")
      .replace(/^[^\u27e8]*\u27e9/u, (head) => `\u27e8${head}`) // an excerpt may start or end inside a gloss
      .replace(/\u27e8[^\u27e9]*$/u, (tail) => `${tail}\u27e9`)
      .replace(GLOSS, (whole, inner) => (inner.includes("<mark>") ? ` (${inner.trim()})` : ""));

  const item = (data) => {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    article.append(icon, title);
    if (data.meta.date) {
      const tags = document.createElement("nav");
      tags.className = "md-tags";
      const date = document.createElement("time");
      date.className = "md-tag briefing-search__date";
      date.dateTime = data.meta.date;
      date.textContent = data.meta.date;
      tags.append(date);
      article.append(tags);
    }
    const teaser = document.createElement("p");
    teaser.className = "md-search-result__teaser";
    teaser.innerHTML = tidy(data.excerpt); // Pagefind escapes the text; the only markup is <mark>
    article.append(teaser);
    link.append(article);
    li.append(link);
    return li;
  };

  // One step: search further shards, newest first, until a page of results is waiting, none is
  // left, or the step's chunks are spent. A reading (see `readings`) that found nothing in any
  // shard gives way to the next one, searched from the newest shard again.
  const fill = async (ticket, run) => {
    let chunks = 0;
    while (run.waiting.length < PAGE_SIZE) {
      if (run.next >= run.engine.shards) {
        if (run.found || run.r + 1 >= run.readings.length) break;
        run.r += 1;
        run.next = 0;
      }
      const reading = run.readings[run.r];
      const words = reading.split(" ").length;
      if (run.next > 0 && chunks + words > CHUNKS_PER_STEP) break;
      const results = await run.engine.searchShard(reading, run.next);
      if (ticket !== latest) return false;
      chunks += words;
      run.next += 1;
      run.found += results.length;
      run.waiting.push(...results);
    }
    return true;
  };

  const count = (run) => {
    const older = run.next < run.engine.shards;
    if (run.found === 0) return older ? labels.noneNewer : t("search.result.none");
    const n = older ? `${run.found}+` : run.found;
    return n === 1 ? t("search.result.one") : t("search.result.other", n);
  };

  // The next page of `run`'s results, and the button: more of them, or the older briefings. The
  // run is passed, not read from `shown`: a step asked for on one query may end after the next
  // query (typed meanwhile, so the ticket is still the latest) is on screen, and then adds nothing.
  const show = async (ticket, run) => {
    const page = await Promise.all(run.waiting.splice(0, PAGE_SIZE).map((r) => r.data()));
    if (ticket !== latest || run !== shown) return;
    list.append(...page.map(item));
    meta.textContent = count(run);
    more.textContent = run.waiting.length ? labels.more : labels.older;
    more.hidden = run.waiting.length === 0 && run.next >= run.engine.shards;
    root.dataset.searched = `${run.r}:${run.next}/${run.engine.shards}`; // reading, shards searched: for tests
  };

  const showMore = async (ticket) => {
    const run = shown;
    if (!run || more.disabled) return;
    more.disabled = true; // one step at a time: a second click would search the same shard again
    try {
      if ((await fill(ticket, run)) && run === shown) await show(ticket, run);
    } finally {
      more.disabled = false;
    }
  };

  const search = async (query) => {
    const ticket = ++latest;
    if (!query.trim()) {
      shown = null;
      list.replaceChildren();
      more.hidden = true;
      meta.textContent = t("search.result.placeholder");
      return;
    }
    const found = await load();
    const text = found ? await simplified(query, found.blocks) : query;
    if (ticket !== latest) return;
    const run = found && { engine: found, readings: readings(text), r: 0, next: 0, found: 0, waiting: [] };
    if (run && !(await fill(ticket, run))) return;
    shown = run;
    list.replaceChildren();
    if (run) {
      await show(ticket, run);
    } else {
      meta.textContent = t("search.result.none");
      more.hidden = true;
    }
    if (ticket === latest) root.dataset.answered = query; // for tests and measurements: this query is shown
  };

  const open = () => {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load();
  };
  const close = () => {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  };

  input.addEventListener("focus", open);
  input.addEventListener("input", () => search(input.value));
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) setTimeout(() => input.focus(), 0);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      search("");
      input.focus();
    }, 0);
  });
  more.addEventListener("click", () => showMore(latest));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) close();
    else if (event.key === "/" && !toggle.checked && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      input.focus();
    }
  });
}
