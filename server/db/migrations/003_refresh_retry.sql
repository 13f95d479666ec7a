-- A refresh whose answer was lost can be asked again: the desktop sends a request id with each
-- refresh (kept with its tokens until an answer arrives), and the server notes the id's digest on
-- the session it rotated. The same spent token with the same id is that retry (a new pair, the
-- lost one revoked); with any other id it is still taken as theft. Existing rows stay as they are.
ALTER TABLE sessions ADD COLUMN rotated_by text;
