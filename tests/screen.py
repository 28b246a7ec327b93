"""What a reader sees in a browser page, for the browser tests of the report and the
review app."""

# Where each word begins on screen (left edge of its glyphs), in the first element matching
# the selector whose text has the first word: the order the reader sees, not the DOM order.
WORDS_LEFT = """([selector, words]) => {
  const root = [...document.querySelectorAll(selector)]
    .find((e) => e.textContent.includes(words[0]));
  return words.map((word) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const at = node.data.indexOf(word);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        return range.getBoundingClientRect().left;
      }
    }
    return null;
  });
}"""
