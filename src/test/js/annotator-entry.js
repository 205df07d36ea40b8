// Apache Annotator (software we did not write), as AnnotatorInteropInBrowserTests injects it into the article page:
// bundled by esbuild into one IIFE (npx esbuild annotator-entry.js --bundle --format=iife --outfile=...), which puts
// what the test calls on window.ApacheAnnotator.
import {
  describeTextQuote,
  describeTextPosition,
  createTextQuoteSelectorMatcher,
  createTextPositionSelectorMatcher,
  highlightText,
} from '@apache-annotator/dom';
import { makeRefinable } from '@apache-annotator/selector';

window.ApacheAnnotator = Object.freeze({
  describeTextQuote,
  describeTextPosition,
  createTextQuoteSelectorMatcher,
  createTextPositionSelectorMatcher,
  makeRefinable,
  highlightText,
});
