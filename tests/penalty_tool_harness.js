// Runs docs/assets/javascripts/penalty-tool.js against a tiny fake DOM (no browser):
// node penalty_tool_harness.js DATA_JS TOOL_JS QUERY_STRING  -> prints the result's text lines.
const fs = require("fs");
const [dataFile, toolFile, query] = process.argv.slice(2);
function el(tag) {
  return {
    tag, children: [], textContent: "", className: "", value: "", checked: false,
    appendChild(c) { this.children.push(c); return c; },
    addEventListener() {},
    set textContentReset(v) {},
  };
}
const selects = {};
for (const k of ["conduct", "victim", "material", "on", "to", "judged"]) selects[k] = el("input");
selects.lacks = el("input"); selects.lacks.value = "purpose-of-distribution";
const form = el("form"); form.elements = selects;
const result = el("div");
Object.defineProperty(result, "textContent", { set() { this.children = []; }, get() { return ""; } });
global.window = global;
global.document = {
  getElementById: (id) => (id === "cb-penalty-form" ? form : id === "cb-penalty-result" ? result : null),
  createElement: (tag) => el(tag),
};
global.history = { replaceState() {} };
global.location = { search: "?" + query };
eval(fs.readFileSync(dataFile, "utf8"));
eval(fs.readFileSync(toolFile, "utf8"));
function text(node) { return (node.textContent || "") + node.children.map(text).join(""); }
function walk(node, out) {
  for (const c of node.children) {
    if (["p", "div", "strong", "h3"].includes(c.tag)) out.push(text(c)); else walk(c, out);
  }
  return out;
}
console.log(JSON.stringify(walk(result, [])));
