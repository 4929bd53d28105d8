// Copy buttons beside pinned citations (statute pages). Kept in a file so the page's
// Content-Security-Policy allows it. Where the Clipboard API is unavailable (pages opened from
// disk, older browsers) or refuses, the citation is selected instead so Ctrl+C copies it.
(function () {
  "use strict";
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function say(button, key) {
    var text = button.getAttribute(key);
    if (!button.hasAttribute("data-cb-label")) button.setAttribute("data-cb-label", button.textContent);
    button.textContent = text;
    button.classList.add("cb-copy--done");
    clearTimeout(button._cbTimer);
    button._cbTimer = setTimeout(function () {
      button.textContent = button.getAttribute("data-cb-label");
      button.classList.remove("cb-copy--done");
    }, 2500);
  }
  function copy(button) {
    var target = button.previousElementSibling;
    if (!target) return;
    var text = target.textContent;
    function fallback() {
      select(target);
      say(button, "data-cb-selected");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        say(button, "data-cb-copied");
      }, fallback);
    } else {
      fallback();
    }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.cb-copy") : null;
    if (button) copy(button);
  });
})();
