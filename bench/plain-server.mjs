// A bare Node HTTP server for bench/central.ts's baseline: serves page files from a folder
// (`/?n=<page>`), with the cursor and completeness headers a sync pull has, and prints its port.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [dir, count] = process.argv.slice(2);
const pages = Array.from({ length: Number(count) }, (_, n) => fs.readFileSync(path.join(dir, `${n}.json`)));
const server = http.createServer((req, res) => {
  const n = Number(new URL(req.url, 'http://x').searchParams.get('n'));
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': pages[n].length,
    'x-ipf-cursor': String(n + 1),
    'x-ipf-complete': n + 1 >= pages.length ? '1' : '0',
  });
  res.end(pages[n]);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
