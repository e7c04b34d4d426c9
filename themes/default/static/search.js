// The search page: the words and filters of the form, run through Pagefind's index (pagefind/).
// Filters are words each page carries (generator/site/search.py): they are added to the query.
(function () {
  "use strict";
  var script = document.currentScript;
  var words = JSON.parse(script.getAttribute("data-words"));
  var bundle = new URL(script.getAttribute("data-bundle"), document.baseURI).href;
  var form = document.getElementById("search-form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var prefixes = {type: "tlt", country: "tlc", kind: "tlk", year: "tly", official: "tlo"};
  var pagefind = null;
  var shown = 0;

  function facetWord(facet, value) {
    return prefixes[facet] + String(value).toLowerCase().replace(/[^a-z0-9]+/g, "_") + "z";
  }

  // an excerpt as text, with Pagefind's <mark> kept and nothing else of its markup
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      var text = node.textContent.replace(/\btl[tckyo][a-z0-9_]*z\b/g, "").replace(/\s+/g, " ");
      if (node.nodeName === "MARK") {
        if (text.trim()) { var m = document.createElement("mark"); m.textContent = text; out.appendChild(m); }
      } else {
        out.appendChild(document.createTextNode(text));
      }
    });
    return out;
  }

  function query() {
    var data = new FormData(form);
    var terms = [];
    Object.keys(prefixes).forEach(function (facet) {
      var value = data.get(facet);
      if (value) { terms.push(facetWord(facet, value)); }
    });
    var text = (data.get("q") || "").trim();
    return {terms: terms.concat(text ? [text] : []).join(" "), text: text};
  }

  function fill(params) {
    ["q", "country", "kind", "year", "type", "official"].forEach(function (name) {
      if (params.has(name) && form.elements[name]) { form.elements[name].value = params.get(name); }
    });
  }

  async function run() {
    var q = query();
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) { params.delete(k); } });
    history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
    list.textContent = "";
    if (!q.terms) { status.textContent = ""; return; }
    status.textContent = words.loading;
    var ticket = ++shown;
    try {
      if (!pagefind) { pagefind = await import(bundle); }
      var search = await pagefind.search(q.terms);
      if (ticket !== shown) { return; }
      var results = await Promise.all(search.results.slice(0, 50).map(function (r) { return r.data(); }));
      if (ticket !== shown) { return; }
      status.textContent = search.results.length
        ? words.found.replace("{count}", search.results.length) : words.none;
      results.forEach(function (r) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = r.url;
        a.textContent = (r.meta && r.meta.title) || r.url;
        var p = document.createElement("p");
        p.appendChild(excerptNodes(r.excerpt || ""));
        item.appendChild(a);
        item.appendChild(p);
        list.appendChild(item);
      });
    } catch (e) {
      status.textContent = words.failed;
    }
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  form.addEventListener("change", function (event) { if (event.target.tagName === "SELECT") { run(); } });
  fill(new URLSearchParams(location.search));
  if (location.search) { run(); }
})();
