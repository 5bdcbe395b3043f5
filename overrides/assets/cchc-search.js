// Start Pagefind's interface on the search page and run the query from the header form (?q=).
(function () {
  var element = document.getElementById("cchc-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var bundle = element.getAttribute("data-bundle");
  var ui = new PagefindUI({
    element: "#cchc-search",
    bundlePath: bundle,
    // Pagefind's result URLs start at the site root; the portal may be served under a sub-path.
    baseUrl: new URL(bundle, window.location.href).pathname.replace(/pagefind\/$/, ""),
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
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
