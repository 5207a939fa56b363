#!/usr/bin/env python3
"""morgue-serve end to end: the real binary on 127.0.0.1 over an index of sample_corpus/
and a hostile fixture, checked with real HTTP requests (the API equals morgue-search's
JSON, errors, limits, traversal, slow clients, reopen on change, signals) and in headless
Chromium driven over the DevTools protocol (hits, facets and a facet click, the timeline
and a bar click, the article view, the person view, the hostile headline, keyboard use).

Usage: serve_test.py INDEX_BIN SEARCH_BIN SERVE_BIN SOURCE_DIR WORK_DIR [SCREENSHOT.png]
Python's standard library only. Exits 0 when every check passes; each failure is one line.
"""
import base64
import http.client
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

INDEX, SEARCH, SERVE, SOURCE, WORK = sys.argv[1:6]
SCREENSHOT = sys.argv[6] if len(sys.argv) > 6 else os.path.join(WORK, "screenshot.png")
HOSTILE_TITLE = ('<script>window.pwned="script"</script><img src=x '
                 'onerror="window.pwned=&apos;img&apos;"> Quillmere harbour notice')

failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL: " + what, flush=True)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


# --- the server --------------------------------------------------------------------------


class Server:
    def __init__(self, db, *extra):
        self.log_path = os.path.join(WORK, "serve-%d.log" % time.monotonic_ns())
        self.log = open(self.log_path, "w+")
        self.proc = subprocess.Popen([SERVE, "--db", db, "--port", "0", *extra],
                                     stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 20
        self.port = None
        while time.monotonic() < deadline and self.port is None:
            time.sleep(0.05)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", self.stderr())
            if m:
                self.port = int(m.group(1))
            if self.proc.poll() is not None:
                break
        if self.port is None:
            raise SystemExit("morgue-serve did not start: " + self.stderr())

    def stderr(self):
        with open(self.log_path) as f:
            return f.read()

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


def get(port, path, method="GET", body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def raw(port, data, wait=5.0):
    """Sends bytes as they are (no client-side path normalising); returns the reply."""
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out:
                head, _, rest = out.partition(b"\r\n\r\n")
                m = re.search(rb"content-length: *(\d+)", head, re.I)
                if m and len(rest) >= int(m.group(1)):
                    break
    except socket.timeout:
        pass
    s.close()
    return out


def api_path(path, params):
    return path + "?" + urllib.parse.urlencode(params)


# --- a DevTools protocol client over a websocket (RFC 6455), just what the tests need ---


class Browser:
    def __init__(self):
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            raise SystemExit("chromium not found: run scripts/setup")
        self.profile = tempfile.mkdtemp(prefix="morgue-chromium-")
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             "--disable-dev-shm-usage", "--user-data-dir=" + self.profile,
             "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise SystemExit("chromium did not start")
            time.sleep(0.05)
        port = int(open(port_file).read().split()[0])
        _, _, body = get(port, "/json/list")
        page = next(t for t in json.loads(body) if t["type"] == "page")
        ws = urllib.parse.urlparse(page["webSocketDebuggerUrl"])
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n" % (ws.path, port, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise SystemExit("DevTools websocket refused: " + head.decode(errors="replace"))
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  width=1280, height=900, deviceScaleFactor=1, mobile=False)

    def _send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x81])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise SystemExit("DevTools connection closed")
            buf += chunk
        return buf

    def _recv(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(n)
            if b0 & 0x0F in (0x1, 0x0):
                message += payload
                if b0 & 0x80:
                    return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self._send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = self._recv()
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(method + ": " + json.dumps(msg["error"]))
                return msg.get("result", {})
            self.events.append(msg)

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("js: " + expr + ": " + json.dumps(r["exceptionDetails"])[:300])
        return r["result"].get("value")

    def wait_ready(self, timeout=20):
        """Waits for the next page (the old one is marked __leaving) to say it is ready."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.js("window.__leaving === undefined && document.readyState === 'complete'"
                           " && document.body && document.body.dataset.ready === '1'"):
                    return True
            except RuntimeError:
                pass  # the page is changing under us
            time.sleep(0.05)
        return False

    def goto(self, url):
        self.js("window.__leaving = true")
        self.call("Page.navigate", url=url)
        return self.wait_ready()

    def click(self, selector):
        """A real mouse click at the element's centre; returns False if it is not there."""
        rect = self.js("(() => { const e = document.querySelector(%s); if (!e) return null;"
                       " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
                       " return [r.x + r.width / 2, r.y + r.height / 2]; })()" % json.dumps(selector))
        if not rect:
            return False
        self.js("window.__leaving = true")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=rect[0], y=rect[1],
                      button="left", clickCount=1)
        return self.wait_ready()

    def key(self, key, code, vk):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code,
                      windowsVirtualKeyCode=vk)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# --- the tests ---------------------------------------------------------------------------


def build_index(db):
    shutil.rmtree(db, ignore_errors=True)
    for src in ("sample_corpus", "tests/fixtures/serve"):
        r = run([INDEX, "--db", db, os.path.join(SOURCE, src)], cwd=SOURCE)
        if r.returncode != 0:
            raise SystemExit("morgue-index failed: " + r.stderr)


def cli(db, *args):
    return run([SEARCH, "--db", db, *args], cwd=SOURCE)


# (API parameters, the same as morgue-search arguments): fields, dates, facets, sorts.
QUERY_MIX = [
    ({"q": "ferry"}, ["ferry"]),
    ({"q": "title:bridge date:2023", "limit": "3"}, ["--limit", "3", "title:bridge date:2023"]),
    ({"q": 'caption:"AP Photo"', "sort": "newest"}, ["--sort", "newest", 'caption:"AP Photo"']),
    ({"q": "corvane", "facet": "month"}, ["--facet", "month", "corvane"]),
    ({"q": "person:okafor", "facet": ["person:5", "source", "tag"], "limit": "1"},
     ["--facet", "person:5", "--facet", "source", "--facet", "tag", "--limit", "1", "person:okafor"]),
    ({"q": "date:2024-03..2024-05", "sort": "oldest"}, ["--sort", "oldest", "date:2024-03..2024-05"]),
    ({"q": "harbour OR bridge", "since": "2024-01-01", "until": "2025-06", "sort": "newest",
      "facet": "year"},
     ["--since", "2024-01-01", "--until", "2025-06", "--sort", "newest", "--facet", "year",
      "harbour OR bridge"]),
    ({"q": "bridge -closed", "offset": "2", "limit": "4", "collapse": "1"},
     ["--offset", "2", "--limit", "4", "--collapse", "bridge -closed"]),
    ({"q": 'tag:"Marenia Rail Strike"', "facet": "author"},
     ["--facet", "author", 'tag:"Marenia Rail Strike"']),
    ({"q": "author:marchetti site:eastshoretribune.example OR council", "sort": "relevance-recent"},
     ["--sort", "relevance-recent", "author:marchetti site:eastshoretribune.example OR council"]),
    ({"q": "Okafr"}, ["Okafr"]),
    ({"q": "show people"}, ["--", "show people"]),
    ({"q": "quillmere"}, ["quillmere"]),
]


def test_api(db, srv):
    port = srv.port
    # /api/search is morgue-search --format json, parsed, for the whole mix.
    for params, args in QUERY_MIX:
        status, headers, body = get(port, api_path("/api/search", params) if not any(
            isinstance(v, list) for v in params.values()) else "/api/search?" +
            urllib.parse.urlencode(params, doseq=True))
        expect = cli(db, "--format", "json", *args)
        check(status == 200, "search %r: status %d" % (params, status))
        check(headers.get("content-type", "").startswith("application/json"),
              "search %r: content type" % params)
        try:
            same = json.loads(body) == json.loads(expect.stdout)
        except ValueError:
            same = False
        check(same, "search %r: API answer differs from morgue-search --format json" % params)
        # Byte-equal too: both print the same function's JSON.
        check(body.decode() == expect.stdout, "search %r: bytes differ" % params)
    hits = json.loads(get(port, "/api/search?q=ferry")[2])["hits"]
    check(len(hits) > 0 and all("highlights" in h for h in hits), "hits carry highlights")

    # people, article, fields: the CLI's objects.
    status, _, body = get(port, "/api/people?" + urllib.parse.urlencode({"q": "date:2024", "limit": "8"}))
    check(status == 200 and json.loads(body) == json.loads(
        cli(db, "people", "date:2024", "--limit", "8", "--format", "json").stdout),
        "/api/people equals morgue-search people --format json")
    first = hits[0]["id"]
    status, _, body = get(port, "/api/article/" + urllib.parse.quote(first, safe=""))
    check(status == 200 and json.loads(body) == json.loads(
        cli(db, "show", first, "--format", "json").stdout),
        "/api/article/ID equals morgue-search show ID --format json")
    status, _, body = get(port, "/api/fields")
    check(status == 200 and json.loads(body) == json.loads(
        cli(db, "--list-fields", "--format", "json").stdout),
        "/api/fields equals morgue-search --list-fields --format json")

    # Bad queries and dates: 400 with the CLI's message.
    for params, args in [({"q": "date:2024-13-45"}, ["date:2024-13-45"]),
                         ({"q": "ferry", "since": "next fortnight"}, ["--since", "next fortnight", "ferry"]),
                         ({"q": "ferry", "sort": "loudest"}, ["--sort", "loudest", "ferry"]),
                         ({"q": "ferry", "facet": "colour"}, ["--facet", "colour", "ferry"])]:
        status, headers, body = get(port, api_path("/api/search", params))
        r = cli(db, "--format", "json", *args)
        message = r.stderr.strip().removeprefix("morgue-search: ")
        check(r.returncode == 2 and status == 400 and json.loads(body) == {"error": message},
              "bad %r: 400 with the CLI's message %r, got %d %r" % (params, message, status, body))
    for path in ["/api/search?q=ferry&limit=0", "/api/search?q=ferry&limit=1000",
                 "/api/search?q=ferry&offset=-1", "/api/search?q=", "/api/search?q=ferry&colour=red",
                 "/api/search?q=ferry&limit=abc"]:
        status, _, body = get(port, path)
        check(status == 400 and "error" in json.loads(body), "%s: 400 {error}" % path)

    # Unknown paths and articles: 404; only GET and HEAD: 405.
    for path in ["/api/nothing", "/nothing", "/static/", "/static/nothing.js", "/api/article/no%20such"]:
        status, _, body = get(port, path)
        check(status == 404, "%s: 404, got %d" % (path, status))
    check(json.loads(get(port, "/api/article/no%20such")[2]) == {"error": "no article with id 'no such'"},
          "unknown article: the CLI's message")
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
        status, headers, _ = get(port, "/api/search?q=ferry", method=method, body=b"x" * 10)
        check(status == 405 and headers.get("allow") == "GET, HEAD", "%s: 405 with Allow" % method)
    status, headers, body = get(port, "/api/search?q=ferry", method="HEAD")
    check(status == 200 and body == b"" and int(headers["content-length"]) > 100,
          "HEAD: headers, no body")

    # Oversized: a long query, a body, a huge URI.
    status, _, body = get(port, api_path("/api/search", {"q": "ferry " * 400}))
    check(status == 413 and "longer than" in json.loads(body)["error"], "long query: 413")
    status, _, _ = get(port, "/api/search?q=ferry", body=b"x" * 5000)
    check(status == 413, "a 5,000-byte body: 413, got %d" % status)
    # A body on a GET is refused and the connection closed: what follows it is never
    # taken for a second request.
    reply = raw(port, b"GET /api/fields HTTP/1.1\r\nHost: x\r\nContent-Length: 39\r\n\r\n"
                      b"GET /api/people HTTP/1.1\r\nHost: x\r\n\r\n")
    check(reply.count(b"HTTP/1.1 ") == 1 and reply.startswith(b"HTTP/1.1 400"),
          "a GET with a body: one 400, nothing smuggled")
    reply = raw(port, b"GET /api/search?q=" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    check(re.match(rb"HTTP/1.1 41[34] ", reply) is not None, "a 20 KB URI: 413/414")

    # Traversal: no file system behind the server; nothing but its own assets.
    for target in [b"/../../../../etc/passwd", b"/static/../../../etc/passwd",
                   b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd", b"/static/%2e%2e%2fapp.js",
                   b"/static/..%2f..%2fCMakeLists.txt", b"//etc/passwd", b"/static//app.js/..",
                   b"/api/../../etc/passwd"]:
        reply = raw(port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        check(reply.startswith(b"HTTP/1.1 4") and b"root:" not in reply and b"cmake" not in reply,
              "traversal %r: refused" % target)

    # Headers: CSP without inline script, nosniff, on the page and the API.
    _, headers, page = get(port, "/")
    csp = headers.get("content-security-policy", "")
    check("script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp,
          "CSP forbids inline script: " + csp)
    check(headers.get("x-content-type-options") == "nosniff", "nosniff")
    check(b"<script src=\"/static/app.js\"" in page and page.count(b"<script") == 1,
          "the page's only script is /static/app.js")
    check(get(port, "/static/app.js")[1]["content-type"].startswith("text/javascript"), "app.js type")

    # One log line per request.
    n = sum(1 for line in srv.stderr().splitlines() if re.match(r"127\.0\.0\.1 (GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) ", line))
    check(n >= 40, "a log line per request (%d)" % n)
    check(re.search(r"^127\.0\.0\.1 GET /api/fields 200 \d+ [\d.]+ms$", srv.stderr(), re.M) is not None,
          "log line format")


def test_slow_client(db):
    srv = Server(db, "--timeout", "2", "--threads", "2")
    try:
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=15)
        s.sendall(b"GET /api/search?q=ferry HTTP/1.1\r\nHost: x\r\n")  # and then nothing
        # The server goes on answering others meanwhile.
        status, _, _ = get(srv.port, "/api/search?q=ferry")
        check(status == 200, "served while a slow client hangs")
        start = time.monotonic()
        closed = False
        try:
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    closed = True
                    break
        except (socket.timeout, ConnectionResetError):
            closed = not isinstance(sys.exc_info()[1], socket.timeout)
        waited = time.monotonic() - start
        check(closed and waited < 10, "a silent client is dropped after its timeout (%.1f s)" % waited)
        s.close()
        # A client that sends its headers one byte a while: dropped when it pauses too long.
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=15)
        s.sendall(b"GE")
        time.sleep(3)
        try:
            s.sendall(b"T / HTTP/1.1\r\nHost: x\r\n\r\n")
            reply = s.recv(4096)
        except (BrokenPipeError, ConnectionResetError):
            reply = b""
        check(not reply.startswith(b"HTTP/1.1 200"), "a client silent past the timeout is not served")
        s.close()
    finally:
        rc = srv.stop(signal.SIGINT)
        check(rc == 0, "SIGINT stops the server with 0, got %r" % rc)
        check("morgue-serve: stopped" in srv.stderr(), "stop is logged")


def test_reopen(source_db):
    db = os.path.join(WORK, "reopen.db")
    shutil.rmtree(db, ignore_errors=True)
    r = run([INDEX, "--db", db, os.path.join(SOURCE, "sample_corpus/text")])
    check(r.returncode == 0, "index text/")
    srv = Server(db)
    try:
        before = json.loads(get(srv.port, "/api/search?q=harbour")[2])["total"]
        writer = subprocess.Popen([INDEX, "--db", db, os.path.join(SOURCE, "sample_corpus")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        statuses = set()
        while writer.poll() is None:
            statuses.add(get(srv.port, "/api/search?q=harbour")[0])
        statuses.add(get(srv.port, "/api/search?q=harbour")[0])
        check(writer.returncode == 0, "the writer finished")
        check(statuses == {200}, "answers while the index is written: %r" % statuses)
        after = json.loads(get(srv.port, "/api/search?q=harbour")[2])["total"]
        expect = json.loads(cli(db, "--format", "json", "harbour").stdout)["total"]
        check(after == expect and after > before,
              "reopened on change: %d then %d (CLI %d)" % (before, after, expect))
    finally:
        check(srv.stop() == 0, "SIGTERM stops the server with 0")


def test_bad_start():
    r = run([SERVE, "--db", os.path.join(WORK, "no-such.db"), "--port", "0"])
    check(r.returncode == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("morgue-serve: "),
          "a missing index: one line, exit 2: " + r.stderr)
    r = run([SERVE, "--port", "70000"])
    check(r.returncode == 2 and "--port" in r.stderr, "a bad port: exit 2")


def test_browser(srv):
    base = "http://127.0.0.1:%d" % srv.port
    b = Browser()
    try:
        # Hits, facets and the timeline.
        check(b.goto(base + "/?q=bridge"), "search page loads")
        hits = b.js("[...document.querySelectorAll('#hits li.hit')].map(li => ["
                    "li.querySelector('h2 a').textContent, li.querySelector('.meta').textContent,"
                    "li.querySelector('.snippet').textContent, li.querySelectorAll('mark').length])")
        api = json.loads(get(srv.port, "/api/search?q=bridge&limit=10")[2])
        check([h[0] for h in hits] == [h["title"] for h in api["hits"]],
              "hits in the API's order: %r" % [h[0] for h in hits][:3])
        check(all(h[2] for h in hits) and sum(h[3] for h in hits) > 0, "snippets with highlights")
        check(b.js("[...document.querySelectorAll('#hits mark')].every(m => /bridge/i.test(m.textContent))"),
              "marks are the query's words")
        check(hits and api["hits"][0]["date"] in hits[0][1], "a hit shows its date")
        check("matches" in b.js("document.getElementById('status').textContent"), "the count")
        facet_names = b.js("[...document.querySelectorAll('#facets section')].map(s => s.id)")
        check("facet-person" in facet_names and "facet-source" in facet_names and "facet-tag" in facet_names,
              "people, sources and tags facets: %r" % facet_names)
        bars = b.js("[...document.querySelectorAll('#timeline svg a.bar')].map(a => [a.dataset.period, +a.dataset.count])")
        months = json.loads(get(srv.port, "/api/search?q=bridge&facet=month")[2])["facets"]["month"]
        check(bars and sum(c for _, c in bars) == sum(m["count"] for m in months),
              "timeline bars count every match")
        check(b.js("document.querySelector('#q').value") == "bridge", "the query box keeps the query")
        b.screenshot(SCREENSHOT)
        check(os.path.getsize(SCREENSHOT) > 10000, "screenshot written")

        # A facet click narrows the query.
        person = b.js("document.querySelector('#facet-person a').textContent")
        check(b.click("#facet-person a"), "facet click loads")
        q = b.js("new URLSearchParams(location.search).get('q')")
        check(q == 'bridge person:"%s"' % person, "facet click narrows the query: %r" % q)
        narrowed = json.loads(get(srv.port, api_path("/api/search", {"q": q}))[2])
        check(b.js("document.querySelectorAll('#hits li.hit').length") == min(10, narrowed["total"]) > 0,
              "narrowed hits shown")

        # A timeline bar click filters by date.
        check(b.goto(base + "/?q=bridge"), "back to the search")
        period, count = b.js("(() => { const a = [...document.querySelectorAll('#timeline a.bar')]"
                             ".find(a => +a.dataset.count > 0); return [a.dataset.period, +a.dataset.count]; })()")
        check(b.click("#timeline a.bar[data-period='%s']" % period), "bar click loads")
        since = b.js("new URLSearchParams(location.search).get('since')")
        until = b.js("new URLSearchParams(location.search).get('until')")
        check(since and since.startswith(period) and until and until.startswith(period),
              "bar click sets the dates: %s..%s for %s" % (since, until, period))
        check(b.js("document.querySelector('#since').value") == since, "the date inputs show them")
        shown = b.js("document.getElementById('status').textContent")
        check(re.match(r"%d match" % count, shown) is not None, "the bar's count is what is found: %r" % shown)

        # Keyboard: Tab to the first result and Enter opens the article view.
        check(b.goto(base + "/?q=" + urllib.parse.quote('title:"Calder Street Bridge"')), "title search")
        b.js("document.querySelector('#hits li.hit h2 a').focus()")
        check(b.js("document.activeElement.closest('.hit') !== null"), "a hit's link takes focus")
        b.js("window.__leaving = true")
        b.key("Enter", "Enter", 13)
        check(b.wait_ready() and "article=" in b.js("location.search"), "Enter opens the article")
        art_id = b.js("new URLSearchParams(location.search).get('article')")
        article = json.loads(get(srv.port, "/api/article/" + urllib.parse.quote(art_id, safe=""))[2])
        view = b.js("(() => { const a = document.getElementById('article'); return {"
                    "title: a.querySelector('h1').textContent,"
                    "subtitle: (a.querySelector('.subtitle') || {}).textContent,"
                    "byline: (a.querySelector('.byline') || {}).textContent,"
                    "captions: [...a.querySelectorAll('figcaption')].map(f => f.textContent),"
                    "credits: [...a.querySelectorAll('.credit')].map(f => f.textContent),"
                    "bullets: [...a.querySelectorAll('.bullets li')].map(f => f.textContent),"
                    "labels: [...a.querySelectorAll('.bullets .label')].map(f => f.textContent),"
                    "paras: a.querySelectorAll('.body p').length,"
                    "people: [...a.querySelectorAll('a.person')].map(p => [p.textContent, p.getAttribute('href')])}; })()")
        check(view["title"] == article["title"], "article title")
        check(view["subtitle"] == article["subtitle"], "article subtitle")
        check(article["authors"][0] in (view["byline"] or ""), "article byline")
        check(len(view["captions"]) == len(article["captions"]) > 0 and
              all(c["credit"] in t for c, t in zip(article["captions"], view["captions"]) if c["credit"]),
              "captions with credits")
        check(len(view["bullets"]) == len(article["bullets"]), "bullets")
        check([l.rstrip(".") for l in view["labels"]] == [b_["label"] for b_ in article["bullets"] if b_["label"]],
              "bullet labels")
        check(view["paras"] >= 3, "body paragraphs")
        names = [p["name"] for p in article["people"]]
        check([p[0] for p in view["people"]] == names and all(
            urllib.parse.parse_qs(urllib.parse.urlparse(h).query)["q"] == ['person:"%s"' % n]
            for n, h in view["people"]), "people link to person: searches")

        # The person view: mentions over time, people named alongside.
        name = names[1] if len(names) > 1 else names[0]
        check(b.goto(base + "/?" + urllib.parse.urlencode({"person": name})), "person view loads")
        total = json.loads(get(srv.port, api_path("/api/search", {"q": 'person:"%s"' % name}))[2])["total"]
        check(b.js("document.getElementById('person-name').textContent") == name, "person name")
        check(b.js("[...document.querySelectorAll('#person-timeline a.bar')].reduce((s, a) => s + +a.dataset.count, 0)") == total,
              "mentions over time add up to the articles naming them")
        co = b.js("[...document.querySelectorAll('.co-mentions li a')].map(a => a.textContent)")
        check(name not in co, "co-mentions leave the person out")

        # The hostile headline: text, and nothing runs.
        check(b.goto(base + "/?q=quillmere"), "hostile search loads")
        check(b.js("document.querySelector('#hits li.hit h2 a').textContent") == HOSTILE_TITLE,
              "hostile headline shown as text")
        check(b.js("document.querySelectorAll('img, #hits script, #hits svg, #hits b, #hits i').length") == 0,
              "no element made from archive text")
        check(b.js("window.pwned === undefined"), "nothing from the archive ran")
        b.click("#hits li.hit h2 a")
        check(b.js("document.querySelector('#article h1').textContent") == HOSTILE_TITLE,
              "hostile article title as text")
        check(b.js("document.querySelectorAll('#article img, #article script, #article svg, #article i, #article b').length") == 0
              and b.js("window.pwned === undefined"), "hostile caption, subtitle, body, bullet: text only")
        check("<img src=y" in b.js("document.querySelector('#article figcaption').textContent"),
              "hostile caption shown as text")
        check(b.js("document.title").startswith("<script>"), "hostile document title as text")
        # Inline script is refused by the CSP even where a page would carry it.
        check(b.js("(() => { const s = document.createElement('script'); s.textContent = 'window.inline = 1';"
                   " document.body.append(s); return window.inline === undefined; })()"),
              "the CSP refuses inline script")

        # A bad query: its message, no crash.
        check(b.goto(base + "/?q=" + urllib.parse.quote("date:2024-13-45")), "bad query page loads")
        check(b.js("document.getElementById('status').getAttribute('role')") == "alert" and
              "date" in b.js("document.getElementById('status').textContent"), "a bad query's message")

        # A phone-sized screen: the sidebar folds above the results.
        b.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
        check(b.goto(base + "/?q=bridge"), "phone layout loads")
        check(b.js("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scroll on a phone")
        b.screenshot(os.path.join(WORK, "screenshot-phone.png"))
    finally:
        b.close()


def timed(fn, *args):
    start = time.monotonic()
    fn(*args)
    print("%s: %.1f s" % (fn.__name__, time.monotonic() - start), flush=True)


def main():
    os.makedirs(WORK, exist_ok=True)
    db = os.path.join(WORK, "serve.db")
    build_index(db)
    test_bad_start()
    srv = Server(db)
    try:
        check("127.0.0.1" in srv.stderr(), "binds loopback by default")
        timed(test_api, db, srv)
        timed(test_browser, srv)
    finally:
        rc = srv.stop()
        check(rc == 0, "SIGTERM: exit 0, got %r" % rc)
    timed(test_slow_client, db)
    timed(test_reopen, db)
    print("%d checks, %d failed" % (checks, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
