// Start Pagefind's interface on the search page and run the query from the header form (?q=).
(function () {
  var element = document.getElementById("cchc-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#cchc-search",
    bundlePath: element.getAttribute("data-bundle"),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
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
