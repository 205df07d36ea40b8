-- Notes on a passage inside a paragraph: the W3C TextQuoteSelector (exact, prefix, suffix) and
-- TextPositionSelector (start, end), positions in Unicode code points inside the paragraph's text.
ALTER TABLE notes ADD COLUMN quote_exact VARCHAR(100000);
ALTER TABLE notes ADD COLUMN quote_prefix VARCHAR(400);
ALTER TABLE notes ADD COLUMN quote_suffix VARCHAR(400);
ALTER TABLE notes ADD COLUMN quote_start INTEGER;
ALTER TABLE notes ADD COLUMN quote_end INTEGER;
