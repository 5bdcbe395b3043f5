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
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
