// Start Pagefind's interface on the search page and run the query from the header form (?q=).
(function () {
  var element = document.getElementById("cchc-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var bundles = { "": element.getAttribute("data-bundle"), "tin-tuc": element.getAttribute("data-news-bundle") };
  var params = new URLSearchParams(window.location.search);
  var scope = bundles[params.get("trong") || ""] ? params.get("trong") || "" : "";
  var ui = start(bundles[scope]);
  // News items have an index of their own, searched when "Tin tức" is chosen (search.html).
  var scopes = document.querySelector(".cchc-search-scope");
  if (scopes && bundles["tin-tuc"]) {
    scopes.hidden = false;
    scopes.querySelector('input[value="' + scope + '"]').checked = true;
    scopes.addEventListener("change", function (event) {
      var input = document.querySelector(".pagefind-ui__search-input");
      var query = input ? input.value : "";
      scope = event.target.value;
      ui.destroy();
      ui = start(bundles[scope]);
      if (query) ui.triggerSearch(query);
      params.set("trong", scope);
      if (!scope) params.delete("trong");
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    });
  }
  function start(bundle) {
    return new PagefindUI({
      element: "#cchc-search",
      bundlePath: bundle,
      // Pagefind's result URLs start at the site root; the portal may be served under a sub-path.
      baseUrl: new URL(bundle, window.location.href).pathname.replace(/[^/]+\/$/, ""),
      showSubResults: true,
      showImages: false,
      processResult: markFolded,
      // Short pages such as a form would otherwise outrank the procedure they belong to.
      ranking: { pageLength: 0.1, termFrequency: 0.5 },
      translations: {
        placeholder: "Tìm thủ tục, văn bản…",
        clear_search: "Xóa",
        load_more: "Xem thêm kết quả",
        search_label: "Tìm trong cổng",
        filters_label: "Lọc",
        zero_results: "Không tìm thấy kết quả cho [SEARCH_TERM]",
        many_results: "[COUNT] kết quả cho [SEARCH_TERM]",
        one_result: "[COUNT] kết quả cho [SEARCH_TERM]",
        alt_search: "Không có kết quả cho [SEARCH_TERM]. Kết quả cho [DIFFERENT_TERM]",
        search_suggestion: "Không có kết quả cho [SEARCH_TERM]. Thử:",
        searching: "Đang tìm [SEARCH_TERM]…"
      }
    });
  }
  // Pagefind folds tones but not "đ": a query typed without accents finds "đăng" through a hidden second
  // spelling, and its excerpt marked nothing. Mark each word the query names, however it is accented.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase();
  }
  function markFolded(result) {
    var input = document.querySelector(".pagefind-ui__search-input");
    var terms = (input ? input.value : "").split(/\s+/).map(fold).filter(Boolean);
    if (!terms.length || !result.excerpt) return result;
    var marked = 0;  // depth inside Pagefind's own <mark>
    result.excerpt = result.excerpt.split(/(<[^>]*>|&[#\w]+;)/).map(function (part) {
      if (part.charAt(0) === "<") {
        marked += /^<mark/i.test(part) ? 1 : /^<\/mark/i.test(part) ? -1 : 0;
        return part;
      }
      if (part.charAt(0) === "&" || marked) return part;
      return part.replace(/[\p{L}\p{N}]+/gu, function (word) {
        return terms.indexOf(fold(word)) >= 0 ? "<mark>" + word + "</mark>" : word;
      });
    }).join("");
    return result;
  }
  var query = params.get("q");
  if (query) ui.triggerSearch(query);
})();
