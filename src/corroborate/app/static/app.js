// Progressive enhancement only: every page works without this script.
// Story list: search as you type (fetches the server-rendered rows).
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var rows = document.getElementById("story-rows");
  if (!form || !rows) return;
  var input = form.querySelector("input[type=search]");
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value;
      fetch("/?partial=1&q=" + encodeURIComponent(q), { headers: { Accept: "text/html" } })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById("story-rows");
          if (fresh) rows.replaceWith(fresh), (rows = fresh);
          history.replaceState(null, "", q ? "/?q=" + encodeURIComponent(q) : "/");
        })
        .catch(function () {});
    }, 250);
  });
})();
