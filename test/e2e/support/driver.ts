/**
 * What the shared end-to-end cases need from a browser, whichever drives it (playwright-core
 * for Chromium, puppeteer-core over WebDriver BiDi for Firefox). Popup queries run inside
 * the popup page by `data-testid`, so the same case reads the same DOM in both browsers.
 */
export type Evaluate = <Result, Arg>(fn: (arg: Arg) => Result, arg: Arg) => Promise<Result>;

export interface OpenedPage {
  /** The address the page ended on (after redirects). */
  url(): string;
  close(): Promise<void>;
}

export interface PopupView {
  /** innerText of every element with this data-testid, in document order. */
  texts(testId: string): Promise<string[]>;
  /** An attribute of every element with this data-testid. */
  attributes(testId: string, name: string): Promise<Array<string | null>>;
  /** For rows: the innerText of a child test id within each element with `testId`. */
  childTexts(testId: string, childTestId: string): Promise<Array<string | null>>;
  /** Clicks the first element with this data-testid. */
  click(testId: string): Promise<void>;
  /** Runs a function in the popup page (an extension page: it can call extension APIs). */
  evaluate: Evaluate;
  /** Reloads the popup page. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: 'chromium' | 'firefox';
  open(url: string): Promise<OpenedPage>;
  /** The extension's popup page rendered for the tab showing `page`. */
  popupFor(page: OpenedPage): Promise<PopupView>;
  close(): Promise<void>;
}

/** A PopupView over any page that can evaluate a function with one argument. */
export function popupView(evaluate: Evaluate, close: () => Promise<void>): PopupView {
  return {
    evaluate,
    reload: () => evaluate(() => location.reload(), null),
    texts: (testId) =>
      evaluate((id: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`), (element) => element.innerText.trim()), testId),
    attributes: (testId, name) =>
      evaluate(
        ([id, attribute]: [string, string]) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`), (element) => element.getAttribute(attribute)),
        [testId, name] as [string, string],
      ),
    childTexts: (testId, childTestId) =>
      evaluate(
        ([id, child]: [string, string]) =>
          Array.from(document.querySelectorAll(`[data-testid="${id}"]`), (element) => {
            const found = element.querySelector<HTMLElement>(`[data-testid="${child}"]`);
            return found === null ? null : found.innerText.trim();
          }),
        [testId, childTestId] as [string, string],
      ),
    click: (testId) =>
      evaluate((id: string) => {
        document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
      }, testId),
    close,
  };
}

/**
 * The text of one of the popup's exports, as the Download button makes it: the file's Blob
 * is read back inside the popup (the same in both browsers, with no download folder).
 * The export bar is a lazily loaded section: its button is waited for (up to 10 s).
 */
export async function exportedText(popup: PopupView, testId: string): Promise<string | null> {
  return popup.evaluate(async (id: string) => {
    for (const deadline = Date.now() + 10_000; document.querySelector(`[data-testid="${id}"]`) === null && Date.now() < deadline; ) {
      await new Promise((done) => setTimeout(done, 50));
    }
    const original = URL.createObjectURL.bind(URL);
    let blob: Blob | null = null;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) blob = object;
      return original(object);
    };
    try {
      document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
    } finally {
      URL.createObjectURL = original;
    }
    return blob === null ? null : await (blob as Blob).text();
  }, testId);
}
