// Case finder's data: turns the columns the build writes (casebook/site/tooldata.py, finder_table)
// back into one object per decision, with the same fields as the build's finder_rows.
(function () {
  var CODES = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var AT = {};
  for (var i = 0; i < CODES.length; i++) AT[CODES.charAt(i)] = i;

  // Calls put(item, fieldName, value) for each of the column's fields of each of n items.
  function each(column, n, items, put) {
    var fields = column.f, one = fields.length === 1;
    for (var k = 0; k < n; k++) {
      var value = column.v ? column.v[k] : column.d[column.c ? AT[column.c.charAt(k)] : column.i[k]];
      if (one) put(items[k], fields[0], value);
      else for (var f = 0; f < fields.length; f++) put(items[k], fields[f], value[f]);
    }
  }
  function set(item, name, value) { item[name] = value; }
  function facet(item, name, value) { item.facets[name] = value; }
  function length(column) { return (column.v || column.c || column.i).length; }

  // `like` (the most comparable decisions) is written as positions in the whole table: in the
  // first file (which has `index`, its rows' positions) it stays so; in the whole, it becomes keys.
  window.casebookFinderDecode = function (table) {
    var lang = table.lang, other = lang === "ko" ? "en" : "ko";
    var ncases = length(table.cases[0] || { v: [] });
    var cases = [], rows = [], k;
    for (k = 0; k < ncases; k++) cases.push({});
    table.cases.forEach(function (column) { each(column, ncases, cases, set); });
    for (k = 0; k < table.rows; k++) rows.push({ facets: {} });
    table.columns.forEach(function (column) { each(column, table.rows, rows, column.facet ? facet : set); });
    var at = 0;
    cases.forEach(function (c) {
      for (var n = 0; n < c.n; n++) {
        var r = rows[at++];
        r.key = c["case"] + "/" + r.proceeding + "/" + r.defendant_id;
        delete r.proceeding; delete r.defendant_id;
        r["case"] = c["case"];
        r.title = c["title_" + lang] || c["title_" + other];
        r.title_ko = c.title_ko; r.title_en = c.title_en;
        r.aliases = c.aliases; r.relevance = c.relevance;
        r.url = "cases/" + c["case"] + ".html";
        r.year = r.decided ? parseInt(r.decided.slice(0, 4), 10) : null;
      }
    });
    rows.forEach(function (r) {
      if (r.like === null) delete r.like;  // a row the comparison did not cover
      else if (r.like && table.index === undefined) r.like = r.like.map(function (p) { return rows[p].key; });
    });
    return rows;
  };
})();
