// What AnnotatorInteropInBrowserTests does in the article page, around Apache Annotator (window.ApacheAnnotator,
// injected before this): it plays a client that we did not write. Injected with WebDriver's executeScript, like the
// bundle; it puts window.MarginaliaInterop. Offsets are UTF-16 code units of an element's textContent, as the DOM
// and Apache Annotator count them (the article has no character outside the BMP, so code points too).
(() => {
  const AA = window.ApacheAnnotator;

  const BLOCKS = ':is(p, h1, h2, h3, h4, h5, h6, li, pre, dd, dt, td, th)[id]';

  const article = (doc = document) => doc.querySelector('main article.article');

  /** The article's paragraphs (and headings, list items...): elements with an id, outside the notes. */
  const blockElements = () => [...article().querySelectorAll(BLOCKS)].filter(element => !element.closest('aside'));

  const blockOf = node => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const block = element?.closest(BLOCKS);
    return block && article(block.ownerDocument).contains(block) && !block.closest('aside') ? block : null;
  };

  /** The length of the text from the start of {@code element} to a boundary point inside it. */
  const offsetIn = (element, container, offset) => {
    const range = element.ownerDocument.createRange();
    range.setStart(element, 0);
    range.setEnd(container, offset);
    return range.toString().length;
  };

  /** The boundary point at a text offset in an element: in the text node that holds that character. */
  const pointAt = (element, offset, atEnd) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.data.length;
      if (atEnd ? offset <= seen + length : offset < seen + length) {
        return [node, offset - seen];
      }
      seen += length;
    }
    throw new Error(`offset ${offset} is beyond the ${seen} characters of #${element.id}`);
  };

  const rangeIn = (id, start, end) => {
    const element = document.getElementById(id);
    const range = document.createRange();
    range.setStart(...pointAt(element, start, false));
    range.setEnd(...pointAt(element, end, true));
    return range;
  };

  /** Where a range is: its paragraph and its offsets in the paragraph's text; null when it is not in one. */
  const place = range => {
    const block = blockOf(range.startContainer);
    if (!block || blockOf(range.endContainer) !== block) {
      return null;
    }
    return {
      id: block.id,
      start: offsetIn(block, range.startContainer, range.startOffset),
      end: offsetIn(block, range.endContainer, range.endOffset),
    };
  };

  const samePlace = (a, b) => a !== null && b !== null && a.id === b.id && a.start === b.start && a.end === b.end;

  /** Hypothesis' XPath of an element below a root: /main[1]/article[1]/div[3]/p[1]. */
  const xpath = (node, root) => {
    const steps = [];
    for (; node !== root; node = node.parentNode) {
      if (!node) {
        throw new Error('the node is not inside the root');
      }
      const name = node.nodeName.toLowerCase();
      let index = 1;
      for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
        if (sibling.nodeName === node.nodeName) {
          index++;
        }
      }
      steps.unshift(`${name}[${index}]`);
    }
    return '/' + steps.join('/');
  };

  /** As Hypothesis' TextPosition.fromPoint: the element holding the text node, and the offset in its text. */
  const elementPoint = (container, offset) => {
    if (container.nodeType !== Node.TEXT_NODE) {
      throw new Error('a selection made by this harness starts and ends in text nodes');
    }
    const element = container.parentElement;
    return [element, offsetIn(element, container, offset)];
  };

  /** Every match of a selector in a scope (at most 20), found by Apache Annotator. */
  const matchAll = async (createMatcher, selector, scope) => {
    const matches = [];
    for await (const match of createMatcher(selector)(scope)) {
      matches.push(match);
      if (matches.length >= 20) {
        break;
      }
    }
    return matches;
  };

  const textMatcher = selector => {
    switch (selector?.type) {
      case 'TextQuoteSelector': return AA.createTextQuoteSelectorMatcher(selector);
      case 'TextPositionSelector': return AA.createTextPositionSelectorMatcher(selector);
      default: throw new Error(`no matcher for ${JSON.stringify(selector)}`);
    }
  };

  /**
   * Apache Annotator's refinable matcher for what the server serves. It has no FragmentSelector matcher of its
   * own: an HTML fragment is the element with that id, as a Range over its contents. A refinedBy must be one
   * selector (Data Model §4.2.9: there SHOULD be exactly one); makeRefinable hands an array on as it is, and this
   * creator refuses it, as a client would fail on it.
   */
  const createServedMatcher = AA.makeRefinable(selector => {
    if (Array.isArray(selector)) {
      throw new Error(`refinedBy is an array of ${selector.length} selectors; Apache Annotator's makeRefinable takes one`);
    }
    if (selector?.type === 'FragmentSelector') {
      return async function* (scope) {
        const element = document.getElementById(selector.value);
        if (element && (scope instanceof Range ? scope.intersectsNode(element) : scope.contains(element))) {
          const range = document.createRange();
          range.selectNodeContents(element);
          yield range;
        }
      };
    }
    return textMatcher(selector);
  });

  const describeSelection = async selection => {
    const range = rangeIn(selection.id, selection.start, selection.end);
    const paragraph = document.getElementById(selection.id);
    if (range.toString() !== selection.text) {
      throw new Error(`the range in #${selection.id} reads ${JSON.stringify(range.toString())}, not ${JSON.stringify(selection.text)}`);
    }
    const check = async (selector, scope) => {
      const matches = await matchAll(textMatcher, selector, scope);
      return matches.length === 1 && samePlace(place(matches[0]), selection);
    };
    switch (selection.shape) {
      case 'article': {
        const quote = await AA.describeTextQuote(range, article());
        return { selector: quote, roundTrip: await check(quote, article()) };
      }
      case 'hypothesis': {
        const [startElement, startOffset] = elementPoint(range.startContainer, range.startOffset);
        const [endElement, endOffset] = elementPoint(range.endContainer, range.endOffset);
        const position = await AA.describeTextPosition(range, document.body);
        const quote = await AA.describeTextQuote(range, document.body);
        return {
          selector: [
            {
              type: 'RangeSelector',
              startContainer: xpath(startElement, document.body), startOffset,
              endContainer: xpath(endElement, document.body), endOffset,
            },
            position,
            quote,
          ],
          roundTrip: await check(position, document.body) && await check(quote, document.body),
        };
      }
      case 'paragraph': {
        const quote = await AA.describeTextQuote(range, paragraph);
        return {
          selector: {
            type: 'FragmentSelector', value: selection.id, conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
            refinedBy: quote,
          },
          roundTrip: await check(quote, paragraph),
        };
      }
      default:
        throw new Error(`unknown shape ${selection.shape}`);
    }
  };

  /** The TextQuoteSelector among what the server serves, for resolving it alone. */
  const servedQuote = selector => {
    const all = [];
    const visit = value => {
      if (Array.isArray(value)) {
        value.forEach(visit);
      }
      else if (value && typeof value === 'object') {
        if (value.type === 'TextQuoteSelector') {
          all.push(value);
        }
        visit(value.refinedBy);
      }
    };
    visit(selector);
    return all[0] ?? null;
  };

  const describeMatches = matches => matches.map(match => place(match) ?? { outside: match.toString().slice(0, 60) });

  window.MarginaliaInterop = {

    blocks: () => blockElements().map(element => ({ id: element.id, text: element.textContent })),

    /** Apache Annotator's selector for a selection, and whether it finds that selection again; or the error. */
    describe: async selection => {
      try {
        return await describeSelection(selection);
      }
      catch (error) {
        return { error: String(error) };
      }
    },

    /** POSTs an annotation as a client that is not ours: no cookies, the media type, a bearer secret once given. */
    post: async (container, annotation, secret) => {
      const headers = { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };
      if (secret) {
        headers.Authorization = 'Bearer ' + secret;
      }
      const response = await fetch(container, {
        method: 'POST', credentials: 'omit', headers, body: JSON.stringify(annotation),
      });
      return {
        status: response.status,
        location: response.headers.get('Location'),
        secret: response.headers.get('Marginalia-Author-Secret'),
        body: await response.text(),
      };
    },

    remove: async (location, secret) => {
      const response = await fetch(location, {
        method: 'DELETE', credentials: 'omit', headers: { Authorization: 'Bearer ' + secret },
      });
      return response.status;
    },

    /**
     * The server's marks of a note: the paragraphs they are in, and the text they cover, merged. Marks apart by white
     * space alone are one stretch: where the notes covering the text change at a space, the server leaves that
     * space outside both marks.
     */
    marks: (noteId, doc = document) => {
      const marks = [...doc.querySelectorAll('mark')]
        .filter(mark => (mark.dataset.notes ?? '').split(/\s+/).includes(noteId));
      const blocks = [...new Set(marks.map(mark => blockOf(mark)?.id ?? '(outside a paragraph)'))];
      if (blocks.length !== 1) {
        return { count: marks.length, blocks, intervals: [] };
      }
      const text = doc.getElementById(blocks[0]).textContent;
      const intervals = marks.map(mark => {
        const range = doc.createRange();
        range.selectNodeContents(mark);
        return place(range);
      }).sort((a, b) => a.start - b.start);
      const merged = [];
      let spaces = 0;
      for (const { start, end } of intervals) {
        const last = merged.at(-1);
        if (last && (start <= last[1] || /^\s+$/.test(text.slice(last[1], start)))) {
          spaces += start > last[1] ? 1 : 0;
          last[1] = Math.max(last[1], end);
        }
        else {
          merged.push([start, end]);
        }
      }
      return {
        count: marks.length, blocks, intervals: merged, spaces,
        text: merged.map(([start, end]) => text.slice(start, end)).join('|'),
      };
    },

    /**
     * The marks of a note in the article page as the server sends it now (fetched without cookies and parsed, as
     * every reader gets it before any script runs), or {@code onPage: false} while that page does not have the note.
     */
    servedMarks: async (articleUrl, noteId) => {
      const response = await fetch(articleUrl, { credentials: 'omit', cache: 'no-store' });
      const served = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!served.getElementById('note-' + noteId)) {
        return { onPage: false, status: response.status };
      }
      return { onPage: true, ...window.MarginaliaInterop.marks(noteId, served) };
    },

    /**
     * GETs the annotation and lets Apache Annotator resolve its served selector in the page: the selector, or the
     * first of an array of alternatives, through makeRefinable; then its TextQuoteSelector alone over the article.
     */
    resolve: async (location, selection) => {
      const response = await fetch(location, {
        credentials: 'omit', headers: { Accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
      });
      const result = { status: response.status };
      if (!response.ok) {
        return result;
      }
      const annotation = await response.json();
      const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
      const served = target?.selector;
      result.served = served;
      const first = Array.isArray(served) ? served[0] : served;
      if (first?.type !== 'FragmentSelector') {
        result.error = 'the served selector (or its first alternative) is not a FragmentSelector';
      }
      else {
        try {
          const matches = await matchAll(createServedMatcher, first, document.body);
          result.matches = describeMatches(matches);
          result.resolved = matches.length === 1 && samePlace(place(matches[0]), selection);
        }
        catch (error) {
          result.error = String(error);
        }
        if (Array.isArray(first.refinedBy) && first.refinedBy.length > 0) {
          // not counted: what the first of the alternatives would give, to tell this apart from a wrong place
          const matches = await matchAll(createServedMatcher, { ...first, refinedBy: first.refinedBy[0] }, document.body);
          result.firstAlternative = describeMatches(matches);
          result.firstAlternativeResolved = matches.length === 1 && samePlace(place(matches[0]), selection);
        }
      }
      const quote = servedQuote(served);
      if (quote) {
        const matches = await matchAll(textMatcher, { ...quote, refinedBy: undefined }, article());
        result.quoteInArticle = matches.length;
        result.quoteInArticleAtSelection = matches.length === 1 && samePlace(place(matches[0]), selection);
      }
      return result;
    },

  };
})();
