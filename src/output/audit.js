// The audit page's table of reports: sort by a column, filter by issuer, rule and severity, and
// show one page at a time, so that thousands of reports stay usable. Nothing is fetched.
(function () {
  "use strict";
  var PAGE = 100;
  var table = document.getElementById("report-table");
  if (!table) return;
  var bodies = Array.prototype.slice.call(table.tBodies);
  var issuer = document.getElementById("filter-issuer");
  var rule = document.getElementById("filter-rule");
  var severity = document.getElementById("filter-severity");
  var shown = document.getElementById("shown");
  var pageLabel = document.getElementById("page");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  var page = 0;
  var matching = bodies;

  // The rule filter lists every rule that fired, most frequent first.
  var counts = {};
  bodies.forEach(function (body) {
    var rules = body.getAttribute("data-rules");
    if (!rules) return;
    rules.split(" ").forEach(function (id) { counts[id] = (counts[id] || 0) + 1; });
  });
  Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
    .forEach(function (id) {
      var option = document.createElement("option");
      option.value = id;
      option.textContent = id + " (" + counts[id] + ")";
      rule.appendChild(option);
    });

  function matches(body) {
    var text = issuer.value.trim();
    if (text && (body.getAttribute("data-issuer") + " " + body.getAttribute("data-file")).indexOf(text) < 0) return false;
    if (rule.value && (" " + body.getAttribute("data-rules") + " ").indexOf(" " + rule.value + " ") < 0) return false;
    if (severity.value && (" " + body.getAttribute("data-severities") + " ").indexOf(" " + severity.value + " ") < 0) return false;
    return true;
  }

  // A report's findings are kept as markup in an inert script until the report is opened.
  function build(details) {
    var inert = details.querySelector("script.findings");
    if (!inert) return;
    inert.insertAdjacentHTML("afterend", inert.textContent);
    inert.parentNode.removeChild(inert);
    hideFindings(details);
  }

  // Within a report, findings of other rules or severities are hidden.
  function hideFindings(scope) {
    scope.querySelectorAll("li.finding").forEach(function (item) {
      item.hidden = (rule.value && item.getAttribute("data-rule") !== rule.value) ||
        (severity.value && !item.classList.contains(severity.value));
    });
  }

  document.addEventListener("toggle", function (event) {
    if (event.target.open) build(event.target);
  }, true);

  function render() {
    var pages = Math.max(1, Math.ceil(matching.length / PAGE));
    page = Math.min(page, pages - 1);
    var from = page * PAGE, to = from + PAGE;
    var visible = new Set(matching.slice(from, to));
    bodies.forEach(function (body) { body.hidden = !visible.has(body); });
    visible.forEach(hideFindings);
    shown.textContent = matching.length + " / " + bodies.length;
    pageLabel.textContent = (page + 1) + " / " + pages;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function filter() {
    matching = bodies.filter(matches);
    page = 0;
    render();
  }

  var sortKey = null, ascending = true;
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      ascending = sortKey === key ? !ascending : true;
      sortKey = key;
      var numeric = th.hasAttribute("data-numeric");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var value = function (body) {
        var text = body.getAttribute("data-" + key) || "";
        return numeric ? (text === "" ? -1 : Number(text)) : text;
      };
      bodies.sort(function (a, b) {
        var x = value(a), y = value(b);
        var order = numeric ? x - y : x.localeCompare(y, "zh-CN");
        return ascending ? order : -order;
      });
      var fragment = document.createDocumentFragment();
      bodies.forEach(function (body) { fragment.appendChild(body); });
      table.appendChild(fragment);
      filter();
    });
  });

  issuer.addEventListener("input", filter);
  rule.addEventListener("change", filter);
  severity.addEventListener("change", filter);
  previous.addEventListener("click", function () { page -= 1; render(); });
  next.addEventListener("click", function () { page += 1; render(); });
  // A bar of the chart filters by its rule.
  document.querySelectorAll("#top-rules g.bar").forEach(function (bar) {
    bar.style.cursor = "pointer";
    bar.addEventListener("click", function () {
      rule.value = bar.getAttribute("data-rule");
      filter();
      table.scrollIntoView();
    });
  });
  // Before printing, every report is shown.
  window.addEventListener("beforeprint", function () {
    bodies.forEach(function (body) { body.hidden = false; });
    document.querySelectorAll("details").forEach(function (details) {
      build(details);
      details.open = true;
    });
  });
  window.addEventListener("afterprint", render);
  filter();
  table.classList.add("ready");
})();
