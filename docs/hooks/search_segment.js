/* Query segmentation for the site's search (prepended to mkdocs-material's search worker at build time by
 * docs/hooks/tinghu_site.py; nothing is loaded from anywhere).
 *
 * The index is segmented by jieba at build time: "第二十七条", "验收", "工作日" are tokens of it. A Chinese query
 * must be cut the same way, but the browser has no jieba. The index's own vocabulary is the dictionary: the
 * query is cut greedily into the longest tokens the index contains ("第十一条第一款" → "第十一条" "第一款",
 * "严重逾期" → "严重" "逾期"); a character no token starts with stays a term of its own. Material's own
 * segmenter never considers a token that ends the query, so "验收" was searched as "验" alone and "第二十七条" as
 * single characters. */
function tinghuSegment(value, index) {
  var longest = 16
  var out = []
  var i = 0
  while (i < value.length) {
    var j = Math.min(value.length, i + longest)
    for (; j > i + 1; j--)
      if (Object.prototype.hasOwnProperty.call(index, value.slice(i, j)))
        break
    out.push(value.slice(i, j))
    i = j
  }
  return out
}

/* The query terms a page's sections matched, for the page's own entry (material gives it none when the page's
 * first section did not match, and its link's ?h= highlighted nothing). */
function tinghuTerms(items) {
  var terms = {}
  for (var i = 0; i < items.length; i++)
    for (var term in items[i].terms)
      if (items[i].terms[term])
        terms[term] = true
  return terms
}
