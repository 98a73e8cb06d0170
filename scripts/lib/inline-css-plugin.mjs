// Puts the stylesheets an HTML page links to into the page itself, as <style> elements, for
// the pages named. Why: the popup's first frame waits for its stylesheet, and this
// browser serves an extension's files one after another, ~5–10 ms apart and ~50 ms after
// the request on this project's machines (Chromium trace of a popup open): inlined, the
// grade is painted as soon as the script that paints it has run. The stylesheet file stays
// for the other pages that share it. Extension pages' CSP restricts scripts, not styles.
/**
 * @param {{ pages: string[] }} options  HTML files, as named in the bundle (e.g. 'src/popup/index.html')
 * @returns {import('vite').Plugin}
 */
export function inlineStylesheets({ pages }) {
  return {
    name: 'tabgrade:inline-stylesheets',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const page of pages) {
        const html = bundle[page];
        if (html === undefined || html.type !== 'asset') continue;
        const text = String(html.source).replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (tag, file) => {
          const css = bundle[file];
          if (css === undefined || css.type !== 'asset') return tag;
          // `</style` cannot occur in our CSS, but a stray one would end the element early.
          if (/<\/style/i.test(String(css.source))) return tag;
          return `<style>${String(css.source)}</style>`;
        });
        html.source = text;
      }
    },
  };
}
