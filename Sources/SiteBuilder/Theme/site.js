// litbook default theme: the phone menu and the client-side search.
// The search index (search-index.json) is built with the site; terms follow the
// same rules as SearchTerms.swift: lower case, words matched by prefix, CJK text
// as single characters and neighbouring pairs.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // MARK: menu (narrow screens)
  var toggle = document.querySelector(".menu-toggle");
  var sidebar = document.getElementById("sidebar");
  if (toggle && sidebar) {
    toggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // MARK: search
  var form = document.querySelector("form.search");
  var input = document.getElementById("search-input");
  var box = document.getElementById("search-results");
  if (!form || !input || !box) return;
  var index = null;
  var keys = null;
  var loading = null;
  var MAX_RESULTS = 12;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[\ud840-\ud87f][\udc00-\udfff]/;
  var WORD = /[\p{Alphabetic}\p{N}_]/u;

  function load() {
    if (!loading) {
      loading = fetch(root + "search-index.json")
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          index = data;
          keys = Object.keys(data.terms).sort();
        });
    }
    return loading;
  }

  // Query terms: {words: [...], exact: [...]}; words match by prefix.
  function queryTerms(text) {
    var words = [], exact = [], word = "", run = [];
    function flushWord() { if (word) { words.push(word); word = ""; } }
    function flushRun() {
      if (run.length === 1) exact.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) exact.push(run[i] + run[i + 1]);
      run = [];
    }
    for (var ch of text.toLowerCase()) {
      if (CJK.test(ch)) { flushWord(); run.push(ch); }
      else if (WORD.test(ch)) { flushRun(); word += ch; }
      else { flushWord(); flushRun(); }
    }
    flushWord(); flushRun();
    return { words: words, exact: exact };
  }

  // Section -> weight for one term (exact) or every term starting with it (prefix).
  function postings(term, prefix) {
    var found = new Map();
    function add(list) {
      for (var i = 0; i + 1 < list.length; i += 2) found.set(list[i], Math.max(found.get(list[i]) || 0, list[i + 1]));
    }
    if (!prefix) {
      if (Object.prototype.hasOwnProperty.call(index.terms, term)) add(index.terms[term]);
      return found;
    }
    var low = 0, high = keys.length;
    while (low < high) { var mid = (low + high) >> 1; if (keys[mid] < term) low = mid + 1; else high = mid; }
    for (var k = low; k < keys.length && keys[k].startsWith(term); k++) add(index.terms[keys[k]]);
    return found;
  }

  function search(text) {
    var q = queryTerms(text);
    var lists = q.words.map(function (w) { return postings(w, true); })
      .concat(q.exact.map(function (t) { return postings(t, false); }));
    if (!lists.length) return [];
    var scores = new Map(lists[0]);
    for (var i = 1; i < lists.length; i++) {
      var next = new Map();
      scores.forEach(function (score, section) {
        if (lists[i].has(section)) next.set(section, score + lists[i].get(section));
      });
      scores = next;
    }
    return Array.from(scores.entries())
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
      .slice(0, MAX_RESULTS)
      .map(function (entry) { return index.sections[entry[0]]; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(results, message) {
    box.textContent = "";
    if (message) {
      box.appendChild(element("p", "search-message", message));
    } else {
      var list = element("ol");
      results.forEach(function (section) {
        var page = index.pages[section[0]];
        var link = element("a");
        link.href = root + page.url + (section[1] ? "#" + encodeURIComponent(section[1]) : "");
        var title = section[2] && section[2] !== page.title ? page.title + " › " + section[2] : page.title;
        link.appendChild(element("span", "search-result-title", title));
        if (section[3]) link.appendChild(element("span", "search-result-snippet", section[3]));
        var item = element("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.hidden = false;
  }

  function update() {
    var text = input.value.trim();
    if (!text) { box.hidden = true; return; }
    load().then(function () {
      if (input.value.trim() !== text) return;
      var results = search(text);
      show(results, results.length ? null : form.getAttribute("data-no-results"));
    }, function () {
      show([], form.getAttribute("data-unavailable"));
    });
  }

  input.addEventListener("input", update);
  input.addEventListener("focus", function () { load().catch(function () {}); if (input.value.trim()) update(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { box.hidden = true; input.blur(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = box.querySelector("a");
    if (first) window.location.href = first.href;
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) box.hidden = true;
  });
})();
